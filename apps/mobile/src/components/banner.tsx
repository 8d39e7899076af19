import { StyleSheet, Text, View } from 'react-native';
import { colors, radius, space } from '../theme/theme';

/** A message the screen reader announces: a failed sign-in, an ended session, a conflict. */
export function Banner({
  message,
  tone = 'danger',
}: {
  message: string;
  tone?: 'danger' | 'info';
}) {
  return (
    <View accessibilityRole="alert" style={[styles.banner, tone === 'info' && styles.info]}>
      <Text style={[styles.text, tone === 'info' && { color: colors.primary }]}>{message}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  banner: { backgroundColor: colors.dangerSurface, borderRadius: radius.md, padding: space.md },
  info: { backgroundColor: '#EEF2FF' },
  text: { color: colors.danger, fontSize: 14, fontWeight: '500' },
});
