// Edit a task. The save carries the updatedAt the form was loaded from; when the task changed
// elsewhere meanwhile the server answers CONFLICT, and the person chooses: load the other
// version, or save theirs over it on purpose.
import { appCodeOf } from '@repo/client';
import { useTRPC } from '@repo/client/react';
import { taskPriorities } from '@repo/validators';
import { useQuery } from '@tanstack/react-query';
import { router } from 'expo-router';
import { useEffect, useState } from 'react';
import { ActivityIndicator, ScrollView, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { Banner } from '../components/banner';
import { Button } from '../components/button';
import { Chip } from '../components/chip';
import { TextField } from '../components/text-field';
import { colors, font, space } from '../theme/theme';
import { RecurrenceBuilder } from './recurrence-builder';
import { type TaskForm, formOf, parseDue, updateOf } from './task-form';
import { useDeleteTask, useUpdateTask } from './task-mutations';

export function TaskEditor({ id }: { id: number }) {
  const trpc = useTRPC();
  const task = useQuery(trpc.task.byId.queryOptions({ id }));
  const update = useUpdateTask();
  const del = useDeleteTask();
  const [form, setForm] = useState<TaskForm | null>(null);
  /** The version the form is based on: sent as expectedUpdatedAt. */
  const [baseline, setBaseline] = useState<Date | null>(null);
  const [dueError, setDueError] = useState<string | undefined>();

  useEffect(() => {
    if (task.data && !form) {
      setForm(formOf(task.data));
      setBaseline(task.data.updatedAt);
    }
  }, [task.data, form]);

  if (!form || !baseline) {
    return (
      <SafeAreaView style={styles.center}>
        {task.error ? (
          <Banner message="This task could not be loaded." />
        ) : (
          <ActivityIndicator color={colors.primary} />
        )}
      </SafeAreaView>
    );
  }

  const conflict = appCodeOf(update.error) === 'CONFLICT';
  const set = (patch: Partial<TaskForm>) => setForm({ ...form, ...patch });

  const save = (expectedUpdatedAt: Date) => {
    const due = parseDue(form.due);
    if (due === 'invalid') return setDueError('Use YYYY-MM-DD');
    setDueError(undefined);
    update.mutate(
      { id, expectedUpdatedAt, ...updateOf(form, due) },
      { onSuccess: () => router.back() },
    );
  };

  const loadTheirs = async () => {
    const latest = await task.refetch();
    if (!latest.data) return;
    setForm(formOf(latest.data));
    setBaseline(latest.data.updatedAt);
    update.reset();
  };

  const keepMine = async () => {
    const latest = await task.refetch();
    if (latest.data) save(latest.data.updatedAt);
  };

  return (
    <SafeAreaView style={styles.screen}>
      <ScrollView contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
        <View style={styles.top}>
          <Button title="Cancel" variant="secondary" onPress={() => router.back()} />
          <Text accessibilityRole="header" style={font.heading}>
            Edit task
          </Text>
          <Button title="Save" busy={update.isPending} onPress={() => save(baseline)} />
        </View>
        {conflict ? (
          <View style={styles.conflict}>
            <Banner message="This task was changed on another device since you opened it." />
            <View style={styles.row}>
              <View style={{ flex: 1 }}>
                <Button
                  title="Load their version"
                  variant="secondary"
                  onPress={() => void loadTheirs()}
                />
              </View>
              <View style={{ flex: 1 }}>
                <Button title="Keep mine" onPress={() => void keepMine()} />
              </View>
            </View>
          </View>
        ) : update.error ? (
          <Banner message={update.error.message} />
        ) : null}
        <TextField label="Title" value={form.title} onChangeText={(title) => set({ title })} />
        <TextField
          label="Description"
          value={form.description}
          onChangeText={(description) => set({ description })}
          multiline
          style={{ minHeight: 96, textAlignVertical: 'top', paddingTop: space.md }}
        />
        <Text style={styles.label}>Priority</Text>
        <View style={styles.row}>
          {taskPriorities.map((priority) => (
            <Chip
              key={priority}
              label={priority[0]!.toUpperCase() + priority.slice(1)}
              selected={form.priority === priority}
              onPress={() => set({ priority })}
            />
          ))}
        </View>
        <TextField
          label="Due date"
          placeholder="YYYY-MM-DD"
          value={form.due}
          onChangeText={(due) => set({ due })}
          error={dueError}
        />
        <Text style={styles.label}>Repeat</Text>
        <RecurrenceBuilder value={form.recurrence} onChange={(recurrence) => set({ recurrence })} />
        <View style={{ marginTop: space.lg }}>
          <Button
            title="Delete task"
            variant="danger"
            busy={del.isPending}
            onPress={() => del.mutate({ id }, { onSuccess: () => router.back() })}
          />
        </View>
      </ScrollView>
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  screen: { flex: 1, backgroundColor: colors.background },
  center: { flex: 1, alignItems: 'center', justifyContent: 'center', padding: space.xl },
  content: { padding: space.lg, gap: space.md, paddingBottom: space.xxl },
  top: {
    flexDirection: 'row',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: space.md,
  },
  label: { fontSize: 14, fontWeight: '600', color: colors.text },
  row: { flexDirection: 'row', flexWrap: 'wrap', gap: space.sm },
  conflict: { gap: space.md },
});
