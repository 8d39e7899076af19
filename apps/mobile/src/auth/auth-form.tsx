// Sign in and sign up share one form: email, password, and the server's verdict.
import { useMutation } from '@tanstack/react-query';
import { Link } from 'expo-router';
import { useState } from 'react';
import { KeyboardAvoidingView, Platform, ScrollView, StyleSheet, Text, View } from 'react-native';
import { useApi } from '../api/api-context';
import { Banner } from '../components/banner';
import { Button } from '../components/button';
import { TextField } from '../components/text-field';
import { useSessionState } from '@repo/client/react';
import { colors, font, layout, space } from '../theme/theme';
import { authFailure } from './auth-messages';

export function AuthForm({ mode }: { mode: 'sign-in' | 'sign-up' }) {
  const { client, session } = useApi();
  const state = useSessionState(session);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const submit = useMutation({
    mutationFn: async () => {
      const input = { email, password, session: 'token' as const };
      const result =
        mode === 'sign-in'
          ? await client.auth.login.mutate(input)
          : await client.auth.register.mutate(input);
      await session.signedIn(result);
    },
  });
  const failure = submit.error ? authFailure(submit.error) : null;
  const ended = state.status === 'signed-out' && state.reason === 'ended' && !submit.isPending;
  const action = mode === 'sign-in' ? 'Sign in' : 'Create account';

  return (
    <KeyboardAvoidingView
      behavior={Platform.OS === 'ios' ? 'padding' : undefined}
      style={layout.screen}
    >
      <ScrollView contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
        <View style={styles.brand}>
          <View style={styles.logo}>
            <Text style={styles.logoMark}>✓</Text>
          </View>
          <Text accessibilityRole="header" style={font.title}>
            {action}
          </Text>
          <Text style={styles.subtitle}>
            {mode === 'sign-in'
              ? 'Your tasks and collection, on the go.'
              : 'Start organising in seconds.'}
          </Text>
        </View>
        {ended ? <Banner message="Your session has ended. Sign in again." tone="info" /> : null}
        {failure ? <Banner message={failure.message} /> : null}
        <TextField
          label="Email"
          value={email}
          onChangeText={setEmail}
          autoCapitalize="none"
          autoComplete="email"
          keyboardType="email-address"
          textContentType="emailAddress"
          error={failure?.email}
        />
        <TextField
          label="Password"
          value={password}
          onChangeText={setPassword}
          secureTextEntry
          autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
          textContentType={mode === 'sign-in' ? 'password' : 'newPassword'}
          onSubmitEditing={() => submit.mutate()}
          error={failure?.password}
        />
        <Button title={action} busy={submit.isPending} onPress={() => submit.mutate()} />
        <View style={styles.switch}>
          <Text style={font.small}>
            {mode === 'sign-in' ? 'New here?' : 'Already have an account?'}
          </Text>
          <Link href={mode === 'sign-in' ? '/sign-up' : '/sign-in'} replace style={styles.link}>
            {mode === 'sign-in' ? 'Create an account' : 'Sign in instead'}
          </Link>
        </View>
      </ScrollView>
    </KeyboardAvoidingView>
  );
}

const styles = StyleSheet.create({
  content: {
    flexGrow: 1,
    justifyContent: 'center',
    padding: space.xl,
    gap: space.lg,
    maxWidth: 480,
    width: '100%',
    alignSelf: 'center',
  },
  brand: { alignItems: 'center', gap: space.sm, marginBottom: space.lg },
  logo: {
    width: 64,
    height: 64,
    borderRadius: 20,
    backgroundColor: colors.primary,
    alignItems: 'center',
    justifyContent: 'center',
    marginBottom: space.sm,
  },
  logoMark: { color: colors.onPrimary, fontSize: 32, fontWeight: '800' },
  subtitle: { ...font.body, color: colors.muted, textAlign: 'center' },
  switch: { flexDirection: 'row', justifyContent: 'center', gap: space.xs, alignItems: 'center' },
  link: { color: colors.primary, fontWeight: '600', fontSize: 13 },
});
