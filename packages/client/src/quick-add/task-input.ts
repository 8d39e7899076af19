// What a parsed quick-add line sends: the task's fields, and its #names matched to the person's
// own tags (case-insensitive, as tag names are unique) or given a color when made on the fly.
// Web and mobile both build their create from this, so a line means the same task on both.
import type { TagOutput } from '@repo/validators';
import type { QuickAdd } from './quick-add';

/** The palette the tags screens offer; it reads on light and dark. */
export const TAG_PALETTE = [
  '#4f46e5',
  '#0891b2',
  '#059669',
  '#ca8a04',
  '#dc2626',
  '#db2777',
  '#7c3aed',
  '#475569',
] as const;

/** The color a tag made on the fly gets: the same one for the same name, on every device. */
export const tagColorFor = (name: string): string =>
  TAG_PALETTE[
    [...name].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7) % TAG_PALETTE.length
  ]!;

export const tagNamed = (tags: readonly TagOutput[], name: string): TagOutput | undefined =>
  tags.find((tag) => tag.name.toLowerCase() === name.toLowerCase());

/** task.create's input for a parsed line whose tags are `tagIds`. */
export const quickAddTaskInput = (parsed: QuickAdd, tagIds: readonly number[]) => ({
  title: parsed.title,
  ...(parsed.priority ? { priority: parsed.priority } : {}),
  ...(parsed.dueDate ? { dueDate: parsed.dueDate } : {}),
  ...(parsed.recurrenceRule ? { recurrenceRule: parsed.recurrenceRule } : {}),
  ...(tagIds.length > 0 ? { tagIds: [...tagIds] } : {}),
});
