// The quick-add line: Enter adds a task; words like "tomorrow 9am !high #home every week" become
// its fields (packages/client's parser), shown as chips while typing. Unknown tags are created.
import { formatDue, parseQuickAdd, quickAddTaskInput, tagColorFor, tagNamed } from '@repo/client';
import { useTRPC, useTRPCClient } from '@repo/client/react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { forwardRef, useState } from 'react';
import { errorMessage } from '../../lib/errors';
import { showToast } from '../../lib/toast';
import { useTaskMutations } from './task-mutations';

export const QuickAdd = forwardRef<HTMLInputElement>(function QuickAdd(_props, ref) {
  const trpc = useTRPC();
  const api = useTRPCClient();
  const queryClient = useQueryClient();
  const tags = useQuery(trpc.tag.list.queryOptions());
  const { create } = useTaskMutations();
  const [text, setText] = useState('');
  const parsed = text.trim() ? parseQuickAdd(text) : null;

  async function tagIdsFor(names: string[]): Promise<number[]> {
    const known = tags.data ?? [];
    const ids: number[] = [];
    let created = false;
    for (const name of names) {
      const existing = tagNamed(known, name);
      if (existing) ids.push(existing.id);
      else {
        ids.push((await api.tag.create.mutate({ name, color: tagColorFor(name) })).id);
        created = true;
      }
    }
    if (created) await queryClient.invalidateQueries({ queryKey: trpc.tag.list.queryKey() });
    return ids;
  }

  async function submit() {
    if (!parsed) return;
    setText('');
    try {
      const tagIds = await tagIdsFor(parsed.tagNames);
      create.mutate(quickAddTaskInput(parsed, tagIds));
    } catch (error) {
      setText(text);
      showToast({ message: `Could not add the task: ${errorMessage(error)}`, tone: 'error' });
    }
  }

  return (
    <div className="quick-add">
      <span className="quick-add-plus" aria-hidden="true">
        +
      </span>
      <input
        ref={ref}
        className="quick-add-input"
        aria-label="New task"
        placeholder="Add a task: “Pay rent tomorrow 9am !high #home every month”"
        value={text}
        maxLength={300}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            void submit();
          }
        }}
      />
      {parsed &&
        (parsed.dueDate ||
          parsed.priority ||
          parsed.tagNames.length > 0 ||
          parsed.recurrenceRule) && (
          <div className="quick-add-preview" aria-live="polite">
            {parsed.dueDate && <span className="chip">Due {formatDue(parsed.dueDate)}</span>}
            {parsed.priority && (
              <span className={`chip priority-${parsed.priority}`}>{parsed.priority}</span>
            )}
            {parsed.recurrenceRule && <span className="chip">↻ repeats</span>}
            {parsed.tagNames.map((name) => (
              <span key={name} className="chip">
                #{name}
              </span>
            ))}
          </div>
        )}
      <kbd className="hint" aria-hidden="true">
        n
      </kbd>
    </div>
  );
});
