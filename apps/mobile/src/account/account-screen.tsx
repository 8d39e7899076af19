// Who is signed in, where else they are signed in (revocable), a new password, and sign out.
import { formatDateTime } from '@repo/client';
import { useTRPC } from '@repo/client/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { useApi } from '../api/api-context';
import { Button } from '../components/button';
import { colors, font, layout, radius, space } from '../theme/theme';
import { ChangePasswordForm } from './change-password-form';

export function AccountScreen() {
  const trpc = useTRPC();
  const api = useApi();
  const queryClient = useQueryClient();
  const me = useQuery(trpc.auth.me.queryOptions());
  const sessions = useQuery(trpc.auth.sessions.queryOptions());
  const revoke = useMutation(
    trpc.auth.revokeSession.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.queryKey() }),
    }),
  );
  // The providers clear the cache once the session is gone.
  const signOut = useMutation({ mutationFn: () => api.signOut() });

  return (
    <SafeAreaView style={layout.screen} edges={['top']}>
      <ScrollView contentContainerStyle={styles.content}>
        <Text accessibilityRole="header" style={font.title}>
          Account
        </Text>
        <View style={styles.card}>
          <Text style={font.small}>Signed in as</Text>
          <Text style={font.heading}>{me.data?.email ?? '…'}</Text>
        </View>
        <Text style={styles.section}>Sessions</Text>
        <View style={styles.card}>
          {(sessions.data ?? []).map((session) => (
            <View key={session.id} style={styles.sessionRow}>
              <View style={{ flex: 1 }}>
                <Text style={font.body} numberOfLines={1}>
                  {session.userAgent ?? 'Unknown device'}
                  {session.current ? ' (this device)' : ''}
                </Text>
                <Text style={font.small}>Last used {formatDateTime(session.lastUsedAt)}</Text>
              </View>
              {session.current ? null : (
                <Button
                  title="Revoke"
                  variant="danger"
                  busy={revoke.isPending && revoke.variables.sessionId === session.id}
                  onPress={() => revoke.mutate({ sessionId: session.id })}
                />
              )}
            </View>
          ))}
        </View>
        <Text style={styles.section}>Change password</Text>
        <View style={styles.card}>
          <ChangePasswordForm />
        </View>
        <Button
          title="Sign out"
          variant="secondary"
          busy={signOut.isPending}
          onPress={() => signOut.mutate()}
        />
      </ScrollView>
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  content: { padding: space.lg, gap: space.md, paddingBottom: space.xxl },
  card: {
    backgroundColor: colors.surface,
    borderRadius: radius.md,
    padding: space.lg,
    gap: space.md,
  },
  section: {
    ...font.small,
    fontWeight: '600',
    textTransform: 'uppercase',
    letterSpacing: 0.5,
    marginTop: space.sm,
  },
  sessionRow: { flexDirection: 'row', alignItems: 'center', gap: space.md },
});
