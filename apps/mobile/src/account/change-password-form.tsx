import { appCodeOf } from '@repo/client';
import { useTRPC } from '@repo/client/react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { View } from 'react-native';
import { Banner } from '../components/banner';
import { Button } from '../components/button';
import { TextField } from '../components/text-field';
import { space } from '../theme/theme';

const failureMessage = (error: unknown) =>
  appCodeOf(error) === 'INVALID_CREDENTIALS'
    ? 'The current password is wrong.'
    : appCodeOf(error) === 'PASSWORD_TOO_SHORT'
      ? 'The new password is too short.'
      : 'Could not change the password.';

export function ChangePasswordForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrent('');
        setNew('');
        // Every other session has just ended.
        void queryClient.invalidateQueries({ queryKey: trpc.auth.sessions.queryKey() });
      },
    }),
  );
  return (
    <View style={{ gap: space.md }}>
      {change.isSuccess ? (
        <Banner tone="info" message="Password changed. Other devices are signed out." />
      ) : null}
      {change.error ? <Banner message={failureMessage(change.error)} /> : null}
      <TextField
        label="Current password"
        value={currentPassword}
        onChangeText={setCurrent}
        secureTextEntry
      />
      <TextField label="New password" value={newPassword} onChangeText={setNew} secureTextEntry />
      <Button
        title="Change password"
        variant="secondary"
        busy={change.isPending}
        onPress={() => change.mutate({ currentPassword, newPassword })}
      />
    </View>
  );
}
