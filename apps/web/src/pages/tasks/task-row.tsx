import { describeRecurrence, formatDue, isOverdue } from '@repo/client';
import type { TaskOutput } from '@repo/validators';
import { useEffect, useState } from 'react';
import { CalendarIcon, RepeatIcon, TrashIcon } from '../../components/icons';
import { TagLabel } from '../../components/tag-label';

interface Props {
  task: TaskOutput;
  onToggle: (task: TaskOutput) => void;
  onOpen: (task: TaskOutput) => void;
  onDelete: (task: TaskOutput) => void;
}

export function TaskRow({ task, onToggle, onOpen, onDelete }: Props) {
  const pending = task.id < 0;
  // Flips on the click itself: the optimistic cache update lands a tick later, and a controlled
  // checkbox would meanwhile snap back.
  const [checked, setChecked] = useState(task.completed);
  useEffect(() => setChecked(task.completed), [task.completed]);
  const overdue = !task.completed && task.dueDate && isOverdue(task.dueDate);
  return (
    <div className={`task-row ${task.completed ? 'done' : ''} ${pending ? 'pending' : ''}`}>
      <input
        type="checkbox"
        className="check"
        checked={checked}
        aria-label={task.title}
        disabled={pending}
        onChange={() => {
          setChecked(!checked);
          onToggle(task);
        }}
      />
      <div className="task-main">
        <button className="task-title" onClick={() => onOpen(task)} disabled={pending}>
          {task.title}
        </button>
        <div className="task-meta">
          <span className={`pill priority-${task.priority}`}>{task.priority}</span>
          {task.dueDate && (
            <span className={overdue ? 'due overdue' : 'due'}>
              <CalendarIcon /> {formatDue(task.dueDate)}
            </span>
          )}
          {task.recurrenceRule && (
            <span className="due">
              <RepeatIcon /> {describeRecurrence(task.recurrenceRule)}
            </span>
          )}
          {task.tags.map((tag) => (
            <span
              key={tag.id}
              className="chip"
              style={tag.color ? { borderColor: tag.color } : undefined}
            >
              <TagLabel tag={tag} />
            </span>
          ))}
        </div>
      </div>
      <button
        className="icon-button danger"
        aria-label="Delete"
        title={`Delete “${task.title}”`}
        disabled={pending}
        onClick={() => onDelete(task)}
      >
        <TrashIcon />
      </button>
    </div>
  );
}
