// Edit a task. The save carries the updatedAt the form was loaded from; when the task changed
// elsewhere meanwhile the server answers CONFLICT, and a dialog puts the saved version next to
// mine: use theirs, or save mine over it on purpose.
import { appCodeOf, buildRecurrenceRule, describeRecurrence } from '@repo/client';
import { useTRPC } from '@repo/client/react';
import { type TagOutput, taskPriorities } from '@repo/validators';
import { useQuery } from '@tanstack/react-query';
import { router } from 'expo-router';
import { useEffect, useState } from 'react';
import { ActivityIndicator, ScrollView, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { Banner } from '../components/banner';
import { Button } from '../components/button';
import { Chip } from '../components/chip';
import { type ConflictField, ConflictDialog } from '../components/conflict-dialog';
import { TextField } from '../components/text-field';
import { colors, font, layout, space } from '../theme/theme';
import { RecurrenceBuilder } from './recurrence-builder';
import { TagPicker, tagNamesOf } from './tag-picker';
import { type TaskForm, formOf, parseDue, updateOf } from './task-form';
import { type Task, useDeleteTask, useUpdateTask } from './task-mutations';

const repeatOf = (form: TaskForm) =>
  form.recurrence ? (describeRecurrence(buildRecurrenceRule(form.recurrence)) ?? '') : '';

function conflictFields(mine: TaskForm, saved: Task, tags: readonly TagOutput[]): ConflictField[] {
  const theirs = formOf(saved);
  return [
    { label: 'Title', mine: mine.title, theirs: theirs.title },
    { label: 'Description', mine: mine.description, theirs: theirs.description },
    { label: 'Priority', mine: mine.priority, theirs: theirs.priority },
    { label: 'Due', mine: mine.due, theirs: theirs.due },
    { label: 'Tags', mine: tagNamesOf(tags, mine.tagIds), theirs: tagNamesOf(tags, theirs.tagIds) },
    { label: 'Repeat', mine: repeatOf(mine), theirs: repeatOf(theirs) },
  ];
}

export function TaskEditor({ id }: { id: number }) {
  const trpc = useTRPC();
  const task = useQuery(trpc.task.byId.queryOptions({ id }));
  const tags = useQuery(trpc.tag.list.queryOptions()).data ?? [];
  const update = useUpdateTask();
  const del = useDeleteTask();
  const [form, setForm] = useState<TaskForm | null>(null);
  /** The version the form is based on: sent as expectedUpdatedAt. */
  const [baseline, setBaseline] = useState<Date | null>(null);
  const [dueError, setDueError] = useState<string | undefined>();
  /** The version saved elsewhere that a save ran into (CONFLICT), until the person chooses. */
  const [theirs, setTheirs] = useState<Task | null>(null);

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

  const set = (patch: Partial<TaskForm>) => setForm({ ...form, ...patch });

  const save = (expectedUpdatedAt: Date) => {
    const due = parseDue(form.due);
    if (due === 'invalid') return setDueError('Use YYYY-MM-DD');
    setDueError(undefined);
    update.mutate(
      { id, expectedUpdatedAt, ...updateOf(form, due) },
      {
        onSuccess: () => router.back(),
        onError: (error) => {
          if (appCodeOf(error) !== 'CONFLICT') return;
          void task.refetch().then((latest) => latest.data && setTheirs(latest.data));
        },
      },
    );
  };

  const takeTheirs = (saved: Task) => {
    setForm(formOf(saved));
    setBaseline(saved.updatedAt);
    setTheirs(null);
    update.reset();
  };

  const keepMine = (saved: Task) => {
    setBaseline(saved.updatedAt);
    setTheirs(null);
    save(saved.updatedAt);
  };

  return (
    <SafeAreaView style={layout.screen}>
      <ScrollView contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
        <View style={styles.top}>
          <Button title="Cancel" variant="secondary" onPress={() => router.back()} />
          <Text accessibilityRole="header" style={font.heading}>
            Edit task
          </Text>
          <Button title="Save" busy={update.isPending} onPress={() => save(baseline)} />
        </View>
        {update.error && appCodeOf(update.error) !== 'CONFLICT' ? (
          <Banner message={update.error.message} />
        ) : null}
        {theirs ? (
          <ConflictDialog
            what="task"
            fields={conflictFields(form, theirs, tags)}
            onKeepMine={() => keepMine(theirs)}
            onUseTheirs={() => takeTheirs(theirs)}
          />
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
        <TagPicker tags={tags} value={form.tagIds} onChange={(tagIds) => set({ tagIds })} />
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
});
