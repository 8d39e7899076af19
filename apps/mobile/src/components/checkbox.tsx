import { Pressable, StyleSheet, Text } from 'react-native';
import { colors } from '../theme/theme';

/** A round check named by what it checks (a task's checkbox is named by its title). */
export function Checkbox({
  label,
  checked,
  onToggle,
}: {
  label: string;
  checked: boolean;
  onToggle: () => void;
}) {
  return (
    <Pressable
      // The ARIA props (not accessibilityState), which react-native-web turns into aria-checked.
      role="checkbox"
      aria-label={label}
      aria-checked={checked}
      onPress={onToggle}
      hitSlop={10}
      style={[styles.box, checked && styles.checked]}
    >
      {checked ? <Text style={styles.mark}>✓</Text> : null}
    </Pressable>
  );
}

const styles = StyleSheet.create({
  box: {
    width: 26,
    height: 26,
    borderRadius: 13,
    borderWidth: 2,
    borderColor: colors.border,
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: colors.surface,
  },
  checked: { backgroundColor: colors.success, borderColor: colors.success },
  mark: { color: colors.onPrimary, fontSize: 15, fontWeight: '700', lineHeight: 18 },
});
