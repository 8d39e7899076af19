// Shown when a save answered CONFLICT, as on the web app: the saved version next to mine, field
// by field. "Keep mine" writes mine over theirs; "Use theirs" drops my edit.
import { Modal, ScrollView, StyleSheet, Text, View } from 'react-native';
import { colors, font, radius, space } from '../theme/theme';
import { Button } from './button';

export interface ConflictField {
  label: string;
  mine: string;
  theirs: string;
}

interface ConflictDialogProps {
  what: string;
  fields: ConflictField[];
  onKeepMine: () => void;
  onUseTheirs: () => void;
}

export function ConflictDialog({ what, fields, onKeepMine, onUseTheirs }: ConflictDialogProps) {
  const title = `This ${what} changed elsewhere`;
  return (
    // Back on Android is "Use theirs", as Escape is on the web: the safe answer.
    <Modal visible transparent animationType="fade" onRequestClose={onUseTheirs}>
      <View style={styles.backdrop}>
        <View role="dialog" aria-modal aria-label={title} style={styles.card}>
          <Text accessibilityRole="header" style={font.heading}>
            {title}
          </Text>
          <Text style={styles.body}>
            Someone (maybe you, on another device) saved a newer version while you were editing.
            Choose which to keep.
          </Text>
          <ScrollView style={styles.table}>
            {fields.map((field) => (
              <View
                key={field.label}
                style={[styles.row, field.mine !== field.theirs && styles.differs]}
              >
                <Text style={styles.label}>{field.label}</Text>
                <Text style={styles.value}>Theirs: {field.theirs || '—'}</Text>
                <Text style={styles.value}>Mine: {field.mine || '—'}</Text>
              </View>
            ))}
          </ScrollView>
          <View style={styles.actions}>
            <View style={styles.action}>
              <Button title="Use theirs" variant="secondary" onPress={onUseTheirs} />
            </View>
            <View style={styles.action}>
              <Button title="Keep mine" onPress={onKeepMine} />
            </View>
          </View>
        </View>
      </View>
    </Modal>
  );
}

const styles = StyleSheet.create({
  backdrop: {
    flex: 1,
    justifyContent: 'center',
    padding: space.lg,
    backgroundColor: 'rgba(15, 17, 26, 0.45)',
  },
  card: {
    backgroundColor: colors.surface,
    borderRadius: radius.lg,
    padding: space.lg,
    gap: space.md,
    maxHeight: '90%',
  },
  body: { ...font.body, color: colors.muted, fontSize: 14 },
  table: { flexGrow: 0 },
  row: { paddingVertical: space.sm, borderTopWidth: 1, borderTopColor: colors.border, gap: 2 },
  differs: { backgroundColor: '#FFFBEB' },
  label: { fontSize: 13, fontWeight: '700', color: colors.text },
  value: { fontSize: 14, color: colors.text },
  actions: { flexDirection: 'row', gap: space.md },
  action: { flex: 1 },
});
