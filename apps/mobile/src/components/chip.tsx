import { Pressable, StyleSheet, Text } from 'react-native';
import { colors, radius, space } from '../theme/theme';

/**
 * A toggle in a row of choices (a filter, a priority, a weekday). `checkbox` for one of several
 * picked together (a task's tags): a checkbox, checked or not, as the web app's tag picker.
 */
export function Chip({
  label,
  selected,
  onPress,
  checkbox = false,
}: {
  label: string;
  selected: boolean;
  onPress: () => void;
  checkbox?: boolean;
}) {
  return (
    <Pressable
      // ARIA props: react-native-web turns them into role and aria-checked on the web export,
      // where accessibilityState's `checked` is dropped (a picked tag read as unchecked).
      role={checkbox ? 'checkbox' : 'button'}
      aria-label={label}
      {...(checkbox ? { 'aria-checked': selected } : { 'aria-selected': selected })}
      onPress={onPress}
      style={[styles.chip, selected && styles.selected]}
    >
      <Text style={[styles.label, selected && { color: colors.onPrimary }]}>{label}</Text>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  chip: {
    paddingHorizontal: space.md,
    paddingVertical: space.sm,
    borderRadius: radius.pill,
    borderWidth: 1,
    borderColor: colors.border,
    backgroundColor: colors.surface,
  },
  selected: { backgroundColor: colors.primary, borderColor: colors.primary },
  label: { fontSize: 14, color: colors.text, fontWeight: '500' },
});
