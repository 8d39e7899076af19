// The editor's form state and the update it sends.
import {
  type RecurrenceChoice,
  buildRecurrenceRule,
  parseRecurrenceChoice,
  toDateInput,
} from '@repo/client';
import type { TaskPriority } from '@repo/validators';
import type { Task } from './task-mutations';

export interface TaskForm {
  title: string;
  description: string;
  priority: TaskPriority;
  /** YYYY-MM-DD, or empty for no due date. */
  due: string;
  recurrence: RecurrenceChoice | null;
  /** The picked tags; an update sends the whole set. */
  tagIds: number[];
}

export function formOf(task: Task): TaskForm {
  return {
    title: task.title,
    description: task.description ?? '',
    priority: task.priority,
    due: task.dueDate ? toDateInput(task.dueDate) : '',
    recurrence: task.recurrenceRule ? parseRecurrenceChoice(task.recurrenceRule) : null,
    tagIds: task.tags.map((tag) => tag.id),
  };
}

/** A due day means the end of that day, local time (as quick add reads "tomorrow"). */
export function parseDue(text: string): Date | null | 'invalid' {
  if (!text.trim()) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return 'invalid';
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59);
  return Number.isNaN(date.getTime()) || date.getDate() !== Number(match[3]) ? 'invalid' : date;
}

export function updateOf(form: TaskForm, dueDate: Date | null) {
  return {
    title: form.title,
    description: form.description.trim() ? form.description : null,
    priority: form.priority,
    dueDate,
    recurrenceRule: form.recurrence ? buildRecurrenceRule(form.recurrence) : null,
    tagIds: form.tagIds,
  };
}
