import { formatDue, isOverdue } from '@repo/client';
import { Pressable, StyleSheet, Text, View } from 'react-native';
import { Checkbox } from '../components/checkbox';
import { colors, radius, space } from '../theme/theme';
import type { Task } from './task-mutations';

interface TaskRowProps {
  task: Task;
  completed: boolean;
  onToggle: () => void;
  onOpen: () => void;
  onDelete: () => void;
}

export function TaskRow({ task, completed, onToggle, onOpen, onDelete }: TaskRowProps) {
  const overdue = !completed && task.dueDate !== null && isOverdue(task.dueDate);
  return (
    <View style={styles.row}>
      <Checkbox label={task.title} checked={completed} onToggle={onToggle} />
      <Pressable
        style={styles.body}
        onPress={onOpen}
        onLongPress={onDelete}
        accessibilityRole="button"
        accessibilityLabel={`Edit ${task.title}`}
        accessibilityHint="Long-press to delete"
      >
        <Text style={[styles.title, completed && styles.done]} numberOfLines={2}>
          {task.title}
        </Text>
        <View style={styles.meta}>
          <View style={[styles.dot, { backgroundColor: colors.priority[task.priority] }]} />
          <Text style={styles.metaText}>{task.priority}</Text>
          {task.dueDate ? (
            <Text style={[styles.metaText, overdue && { color: colors.danger }]}>
              · {formatDue(task.dueDate)}
            </Text>
          ) : null}
          {task.recurrenceRule ? <Text style={styles.metaText}>· repeats</Text> : null}
          {task.tags.map((tag) => (
            <Text key={tag.id} style={[styles.tag, { color: tag.color ?? colors.primary }]}>
              #{tag.name}
            </Text>
          ))}
        </View>
      </Pressable>
    </View>
  );
}

const styles = StyleSheet.create({
  row: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: space.md,
    backgroundColor: colors.surface,
    borderRadius: radius.md,
    paddingHorizontal: space.lg,
    paddingVertical: space.md,
    marginHorizontal: space.lg,
    marginBottom: space.sm,
    shadowColor: '#000',
    shadowOpacity: 0.04,
    shadowRadius: 6,
    shadowOffset: { width: 0, height: 2 },
    elevation: 1,
  },
  body: { flex: 1, gap: 4 },
  title: { fontSize: 16, color: colors.text, fontWeight: '500' },
  done: { color: colors.muted, textDecorationLine: 'line-through' },
  meta: { flexDirection: 'row', alignItems: 'center', gap: 6, flexWrap: 'wrap' },
  dot: { width: 8, height: 8, borderRadius: 4 },
  metaText: { fontSize: 12, color: colors.muted },
  tag: { fontSize: 12, fontWeight: '600' },
});
