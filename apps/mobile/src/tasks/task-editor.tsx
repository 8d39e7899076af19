// Edit a task. The save carries the updatedAt the form was loaded from; when the task changed
// elsewhere meanwhile the server answers CONFLICT, and a dialog puts the saved version next to
// mine: use theirs, or save mine over it on purpose.
import { buildRecurrenceRule, describeRecurrence } from '@repo/client';
import { useConflictSave, useTRPC, useTRPCClient } from '@repo/client/react';
import { type TagOutput, taskPriorities } from '@repo/validators';
import { useQuery } from '@tanstack/react-query';
import { router } from 'expo-router';
import { useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { Banner } from '../components/banner';
import { Button } from '../components/button';
import { Chip } from '../components/chip';
import { type ConflictField, ConflictDialog } from '../components/conflict-dialog';
import { EditorHeader } from '../components/editor-header';
import { LoadingScreen } from '../components/loading-screen';
import { TextField } from '../components/text-field';
import { colors, layout, space } from '../theme/theme';
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
  if (!task.data) {
    return <LoadingScreen error={task.error} failed="This task could not be loaded." />;
  }
  return <TaskFormScreen task={task.data} />;
}

function TaskFormScreen({ task }: { task: Task }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const tags = useQuery(trpc.tag.list.queryOptions()).data ?? [];
  const update = useUpdateTask();
  const del = useDeleteTask();
  const [form, setForm] = useState(() => formOf(task));
  const [dueError, setDueError] = useState<string | undefined>();
  // Through the task mutation queue: offline, the save waits there and replays on reconnect with
  // the version it was based on, so a change made elsewhere meanwhile comes back as CONFLICT.
  const saver = useConflictSave({
    base: task.updatedAt,
    write: (expectedUpdatedAt) => {
      const due = parseDue(form.due);
      if (due === 'invalid') {
        setDueError('Use YYYY-MM-DD');
        return null;
      }
      setDueError(undefined);
      return update.mutateAsync({ id: task.id, expectedUpdatedAt, ...updateOf(form, due) });
    },
    latest: () => client.task.byId.query({ id: task.id }),
    onSaved: () => router.back(),
  });
  const { theirs } = saver;

  const set = (patch: Partial<TaskForm>) => setForm({ ...form, ...patch });

  return (
    <SafeAreaView style={layout.screen}>
      <ScrollView contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
        <EditorHeader title="Edit task" saving={saver.saving} onSave={() => void saver.save()} />
        {saver.error ? <Banner message={(saver.error as Error).message} /> : null}
        {theirs ? (
          <ConflictDialog
            what="task"
            fields={conflictFields(form, theirs, tags)}
            onKeepMine={() => void saver.keepMine()}
            onUseTheirs={() => {
              setForm(formOf(theirs));
              saver.takeTheirs();
            }}
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
            onPress={() => del.mutate({ id: task.id }, { onSuccess: () => router.back() })}
          />
        </View>
      </ScrollView>
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  content: { padding: space.lg, gap: space.md, paddingBottom: space.xxl },
  label: { fontSize: 14, fontWeight: '600', color: colors.text },
  row: { flexDirection: 'row', flexWrap: 'wrap', gap: space.sm },
});
