import { useState } from 'react';
import { StyleSheet, TextInput, View } from 'react-native';
import { colors, radius, space } from '../theme/theme';

/** "Pay rent tomorrow !high every month": submitting adds the task (the shared parser reads it). */
export function QuickAddField({ onSubmit }: { onSubmit: (line: string) => Promise<void> }) {
  const [line, setLine] = useState('');
  const submit = () => {
    if (!line.trim()) return;
    // Cleared at once for the next task; a line that could not be added comes back to fix.
    onSubmit(line.trim()).catch(() => setLine(line));
    setLine('');
  };
  return (
    <View style={styles.wrap}>
      <TextInput
        accessibilityLabel="New task"
        placeholder="Add a task… try “call mum tomorrow !high”"
        placeholderTextColor={colors.muted}
        value={line}
        onChangeText={setLine}
        onSubmitEditing={submit}
        returnKeyType="done"
        submitBehavior="submit"
        style={styles.input}
      />
    </View>
  );
}

const styles = StyleSheet.create({
  wrap: { paddingHorizontal: space.lg, paddingBottom: space.md },
  input: {
    minHeight: 50,
    borderRadius: radius.md,
    backgroundColor: colors.surface,
    borderWidth: 1,
    borderColor: colors.border,
    paddingHorizontal: space.lg,
    fontSize: 16,
    color: colors.text,
  },
});
