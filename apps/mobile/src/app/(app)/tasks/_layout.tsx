import { Stack } from 'expo-router';
import { colors } from '../../../theme/theme';

// A deep link (or a reload) straight to a detail screen still has the list beneath it to go
// back to.
export const unstable_settings = { initialRouteName: 'index' };

export default function TasksStack() {
  return (
    <Stack
      screenOptions={{ headerShown: false, contentStyle: { backgroundColor: colors.background } }}
    >
      <Stack.Screen name="index" />
      <Stack.Screen name="[id]" options={{ presentation: 'modal' }} />
    </Stack>
  );
}
