import type { ErrorBoundaryProps } from 'expo-router';
import { StyleSheet, Text, View } from 'react-native';
import { colors, font, space } from '../theme/theme';
import { Button } from './button';

/**
 * What a screen that threw while rendering shows instead of an empty page (React unmounts the
 * whole tree on an uncaught render error): what happened, and a way to try again.
 */
export function CrashScreen({ error, retry }: ErrorBoundaryProps) {
  return (
    <View style={styles.screen} accessibilityRole="alert">
      <Text accessibilityRole="header" style={font.heading}>
        Something went wrong
      </Text>
      <Text style={styles.body}>{error.message}</Text>
      <Button title="Try again" onPress={() => void retry()} />
    </View>
  );
}

const styles = StyleSheet.create({
  screen: {
    flex: 1,
    justifyContent: 'center',
    padding: space.xl,
    gap: space.md,
    backgroundColor: colors.background,
  },
  body: { ...font.body, color: colors.muted, lineHeight: 22 },
});
