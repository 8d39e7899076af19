// The list's filters in a bottom sheet: status, priorities, order.
import { taskPriorities, type TaskSort } from '@repo/validators';
import { Modal, Pressable, StyleSheet, Text, View } from 'react-native';
import { Button } from '../components/button';
import { Chip } from '../components/chip';
import { colors, font, radius, space } from '../theme/theme';
import { type TaskFilters, type TaskStatusFilter, defaultTaskFilters } from './task-filters';

const STATUSES: { value: TaskStatusFilter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'active', label: 'Active' },
  { value: 'completed', label: 'Completed' },
];
const SORTS: { value: TaskSort; label: string }[] = [
  { value: 'createdAt', label: 'Newest' },
  { value: 'dueDate', label: 'Due date' },
  { value: 'priority', label: 'Priority' },
  { value: 'title', label: 'Title' },
];

interface FiltersSheetProps {
  visible: boolean;
  filters: TaskFilters;
  onChange: (filters: TaskFilters) => void;
  onClose: () => void;
}

export function FiltersSheet({ visible, filters, onChange, onClose }: FiltersSheetProps) {
  const togglePriority = (priority: (typeof taskPriorities)[number]) =>
    onChange({
      ...filters,
      priority: filters.priority.includes(priority)
        ? filters.priority.filter((p) => p !== priority)
        : [...filters.priority, priority],
    });
  return (
    <Modal visible={visible} transparent animationType="slide" onRequestClose={onClose}>
      <Pressable style={styles.backdrop} onPress={onClose} accessibilityLabel="Close filters" />
      <View style={styles.sheet} accessibilityViewIsModal>
        <View style={styles.handle} />
        <Text accessibilityRole="header" style={font.heading}>
          Filters
        </Text>
        <Section title="Show">
          {STATUSES.map(({ value, label }) => (
            <Chip
              key={value}
              label={label}
              selected={filters.status === value}
              onPress={() => onChange({ ...filters, status: value })}
            />
          ))}
        </Section>
        <Section title="Priority">
          {taskPriorities.map((priority) => (
            <Chip
              key={priority}
              label={priority[0]!.toUpperCase() + priority.slice(1)}
              selected={filters.priority.includes(priority)}
              onPress={() => togglePriority(priority)}
            />
          ))}
        </Section>
        <Section title="Sort by">
          {SORTS.map(({ value, label }) => (
            <Chip
              key={value}
              label={label}
              selected={filters.sort === value}
              onPress={() => onChange({ ...filters, sort: value })}
            />
          ))}
        </Section>
        <View style={styles.actions}>
          <View style={{ flex: 1 }}>
            <Button
              title="Reset"
              variant="secondary"
              onPress={() => onChange(defaultTaskFilters)}
            />
          </View>
          <View style={{ flex: 1 }}>
            <Button title="Done" onPress={onClose} />
          </View>
        </View>
      </View>
    </Modal>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <View style={{ gap: space.sm }}>
      <Text style={styles.sectionTitle}>{title}</Text>
      <View style={styles.chips}>{children}</View>
    </View>
  );
}

const styles = StyleSheet.create({
  backdrop: { flex: 1, backgroundColor: 'rgba(15, 17, 26, 0.35)' },
  sheet: {
    backgroundColor: colors.surface,
    borderTopLeftRadius: radius.lg,
    borderTopRightRadius: radius.lg,
    padding: space.xl,
    gap: space.lg,
  },
  handle: {
    alignSelf: 'center',
    width: 40,
    height: 4,
    borderRadius: 2,
    backgroundColor: colors.border,
  },
  sectionTitle: {
    fontSize: 13,
    fontWeight: '600',
    color: colors.muted,
    textTransform: 'uppercase',
    letterSpacing: 0.5,
  },
  chips: { flexDirection: 'row', flexWrap: 'wrap', gap: space.sm },
  actions: { flexDirection: 'row', gap: space.md, marginTop: space.sm },
});
