import { Pressable, StyleSheet, Text, View } from 'react-native';
import { colors, radius, space } from '../theme/theme';

export function UndoBar({ message, onUndo }: { message: string; onUndo: () => void }) {
  return (
    <View style={styles.bar} accessibilityLiveRegion="polite">
      <Text style={styles.text} numberOfLines={1}>
        {message}
      </Text>
      <Pressable accessibilityRole="button" accessibilityLabel="Undo" onPress={onUndo} hitSlop={8}>
        <Text style={styles.undo}>Undo</Text>
      </Pressable>
    </View>
  );
}

const styles = StyleSheet.create({
  bar: {
    position: 'absolute',
    left: space.lg,
    right: space.lg,
    bottom: space.lg,
    flexDirection: 'row',
    alignItems: 'center',
    gap: space.md,
    backgroundColor: colors.text,
    borderRadius: radius.md,
    paddingHorizontal: space.lg,
    paddingVertical: space.md,
  },
  text: { flex: 1, color: colors.onPrimary, fontSize: 14 },
  undo: { color: '#A5B4FC', fontWeight: '700', fontSize: 14 },
});
