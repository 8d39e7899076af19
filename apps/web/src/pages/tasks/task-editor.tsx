// Editing one task. Every save sends the updatedAt it started from; a CONFLICT opens the
// conflict dialog with the server's version next to mine.
import { formatDateTime, toDateTimeLocalInput } from '@repo/client';
import { useConflictSave, useTRPC, useTRPCClient } from '@repo/client/react';
import type { TagOutput, TaskOutput, TaskPriority } from '@repo/validators';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ConflictField } from '../../components/conflict-dialog';
import { EditorModal } from '../../components/editor-modal';
import { fieldErrors } from '../../lib/errors';
import { RecurrenceBuilder } from './recurrence-builder';
import { Field, TextField } from '../../components/form-fields';
import { TagLabel } from '../../components/tag-label';

interface Props {
  task: TaskOutput;
  tags: TagOutput[];
  onClose: () => void;
}

interface Draft {
  title: string;
  description: string;
  priority: TaskPriority;
  due: string;
  tagIds: number[];
  recurrenceRule: string | null;
}

const draftOf = (task: TaskOutput): Draft => ({
  title: task.title,
  description: task.description ?? '',
  priority: task.priority,
  due: task.dueDate ? toDateTimeLocalInput(task.dueDate) : '',
  tagIds: task.tags.map((t) => t.id),
  recurrenceRule: task.recurrenceRule,
});

function conflictFields(mine: Draft, theirs: TaskOutput, tags: TagOutput[]): ConflictField[] {
  const other = draftOf(theirs);
  const tagNames = (ids: number[]) =>
    tags
      .filter((t) => ids.includes(t.id))
      .map((t) => t.name)
      .sort()
      .join(', ');
  const due = (value: string) => (value ? formatDateTime(new Date(value)) : '');
  return [
    { label: 'Title', mine: mine.title, theirs: other.title },
    { label: 'Description', mine: mine.description, theirs: other.description },
    { label: 'Priority', mine: mine.priority, theirs: other.priority },
    { label: 'Due', mine: due(mine.due), theirs: due(other.due) },
    { label: 'Tags', mine: tagNames(mine.tagIds), theirs: tagNames(other.tagIds) },
    { label: 'Repeat', mine: mine.recurrenceRule ?? '', theirs: other.recurrenceRule ?? '' },
  ];
}

export function TaskEditor({ task, tags, onClose }: Props) {
  const trpc = useTRPC();
  const api = useTRPCClient();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(task));
  const saver = useConflictSave({
    base: task.updatedAt,
    write: (expectedUpdatedAt) =>
      api.task.update.mutate({
        id: task.id,
        expectedUpdatedAt,
        title: draft.title,
        description: draft.description.trim() ? draft.description : null,
        priority: draft.priority,
        dueDate: draft.due ? new Date(draft.due) : null,
        tagIds: draft.tagIds,
        recurrenceRule: draft.recurrenceRule,
      }),
    latest: () => api.task.byId.query({ id: task.id }),
    onSaved: (saved) => {
      queryClient.setQueryData(trpc.task.byId.queryKey({ id: task.id }), saved);
      void queryClient.invalidateQueries({ queryKey: trpc.task.list.pathKey() });
      onClose();
    },
  });
  const fields = fieldErrors(saver.error);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  function takeTheirs(theirs: TaskOutput) {
    setDraft(draftOf(theirs));
    void queryClient.invalidateQueries({ queryKey: trpc.task.list.pathKey() });
    onClose();
  }

  return (
    <EditorModal
      title="Edit task"
      what="task"
      saver={saver}
      fieldErrors={fields}
      conflictFields={(theirs) => conflictFields(draft, theirs, tags)}
      onUseTheirs={takeTheirs}
      onClose={onClose}
    >
      <TextField
        label="Title"
        error={fields.title}
        value={draft.title}
        maxLength={200}
        required
        onChange={(title) => set({ title })}
      />
      <Field label="Description">
        <textarea
          rows={3}
          value={draft.description}
          maxLength={10_000}
          onChange={(e) => set({ description: e.target.value })}
        />
      </Field>
      <div className="row">
        <Field label="Priority">
          <select
            value={draft.priority}
            onChange={(e) => set({ priority: e.target.value as TaskPriority })}
          >
            <option value="low">Low</option>
            <option value="medium">Medium</option>
            <option value="high">High</option>
          </select>
        </Field>
        <TextField
          label="Due"
          error={fields.dueDate}
          type="datetime-local"
          value={draft.due}
          onChange={(due) => set({ due })}
        />
      </div>
      {tags.length > 0 && (
        <fieldset className="tag-picker">
          <legend>Tags</legend>
          {tags.map((tag) => (
            <label key={tag.id} className="chip selectable">
              <input
                type="checkbox"
                checked={draft.tagIds.includes(tag.id)}
                onChange={(e) =>
                  set({
                    tagIds: e.target.checked
                      ? [...draft.tagIds, tag.id]
                      : draft.tagIds.filter((id) => id !== tag.id),
                  })
                }
              />
              <TagLabel tag={tag} />
            </label>
          ))}
        </fieldset>
      )}
      <RecurrenceBuilder
        rule={draft.recurrenceRule}
        anchor={draft.due ? new Date(draft.due) : new Date()}
        onChange={(recurrenceRule) => set({ recurrenceRule })}
      />
      {fields.recurrenceRule && <small className="field-error">{fields.recurrenceRule}</small>}
    </EditorModal>
  );
}
