// The simplest client the live-sync contract allows: a map per entity rebuilt from nothing but
// the events received. An upsert replaces the row; a delete removes it; tasks embed their tags,
// so a tag upsert renames it inside every task holding it (kept in name order, as the server
// sorts them) and a tag delete drops it from them (the server does not re-send those tasks).
import type { SyncEvent } from '@repo/validators';

interface EmbeddedTag {
  id: number;
  name: string;
}
type Rows = Map<string | number, Record<string, unknown>>;

export interface SyncModel {
  task: Rows;
  tag: Rows;
  asset: Rows;
}

export const emptyModel = (): SyncModel => ({ task: new Map(), tag: new Map(), asset: new Map() });

const byName = (a: EmbeddedTag, b: EmbeddedTag) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function patchTaskTags(model: SyncModel, tagId: number, tag: EmbeddedTag | undefined) {
  for (const [id, task] of model.task) {
    const tags = task.tags as EmbeddedTag[];
    if (!tags.some((t) => t.id === tagId)) continue;
    const next = tag
      ? tags.map((t) => (t.id === tagId ? tag : t)).sort(byName)
      : tags.filter((t) => t.id !== tagId);
    model.task.set(id, { ...task, tags: next });
  }
}

export function applyEvent(model: SyncModel, event: SyncEvent): void {
  if (event.op === 'resync') throw new Error('resync: this model cannot refetch');
  const rows = model[event.entity];
  if (event.op === 'upsert') {
    rows.set(event.id, event.data);
    if (event.entity === 'tag') patchTaskTags(model, event.id, event.data);
  } else {
    rows.delete(event.id);
    if (event.entity === 'tag') patchTaskTags(model, event.id, undefined);
  }
}
