// Tags: create, rename, recolor, delete. Tasks show the change at once (they embed their tags).
import { TAG_PALETTE } from '@repo/client';
import { useTRPC } from '@repo/client/react';
import type { TagOutput } from '@repo/validators';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage, fieldErrors } from '../lib/errors';
import { showToast } from '../lib/toast';

export function TagsPage() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const tags = useQuery(trpc.tag.list.queryOptions());
  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: trpc.tag.list.queryKey() }),
      client.invalidateQueries({ queryKey: trpc.task.list.pathKey() }),
    ]);
  const create = useMutation(trpc.tag.create.mutationOptions({ onSettled: refresh }));
  const [name, setName] = useState('');
  const [color, setColor] = useState<string>(TAG_PALETTE[0]);
  const errors = fieldErrors(create.error);

  return (
    <section className="page">
      <header className="page-head">
        <h1>Tags</h1>
        <span className="muted">{tags.data ? `${tags.data.length} tags` : ''}</span>
      </header>
      <form
        className="card inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          create.mutate({ name: name.trim(), color }, { onSuccess: () => setName('') });
        }}
      >
        <label className="field grow">
          <span>Tag name</span>
          <input
            value={name}
            maxLength={50}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={Boolean(errors.name)}
          />
          {(errors.name || create.isError) && (
            <small className="field-error">{errors.name ?? errorMessage(create.error)}</small>
          )}
        </label>
        <label className="field">
          <span>Color</span>
          <input type="color" value={color} onChange={(e) => setColor(e.target.value)} />
        </label>
        <button className="button primary" type="submit" disabled={create.isPending}>
          Add tag
        </button>
      </form>
      {tags.isPending && <p className="muted">Loading tags…</p>}
      {tags.data?.length === 0 && (
        <div className="empty">
          <p className="empty-title">No tags yet.</p>
          <p className="muted">Tags group tasks: add one here, or type #name in a new task.</p>
        </div>
      )}
      <ul className="tag-list">
        {tags.data?.map((tag) => (
          <TagRow key={tag.id} tag={tag} onChanged={refresh} />
        ))}
      </ul>
    </section>
  );
}

function TagRow({ tag, onChanged }: { tag: TagOutput; onChanged: () => Promise<unknown> }) {
  const trpc = useTRPC();
  const [name, setName] = useState(tag.name);
  const refused = (error: unknown) =>
    showToast({ message: `Could not save the tag: ${errorMessage(error)}`, tone: 'error' });
  const update = useMutation(
    trpc.tag.update.mutationOptions({ onSettled: onChanged, onError: refused }),
  );
  const remove = useMutation(
    trpc.tag.delete.mutationOptions({ onSettled: onChanged, onError: refused }),
  );
  return (
    <li className="card tag-row">
      <input
        type="color"
        aria-label={`Color of ${tag.name}`}
        value={tag.color ?? '#475569'}
        onChange={(e) => update.mutate({ id: tag.id, color: e.target.value })}
      />
      <form
        className="grow"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() && name.trim() !== tag.name)
            update.mutate({ id: tag.id, name: name.trim() });
        }}
      >
        <input
          className="plain-input"
          aria-label={`Name of ${tag.name}`}
          value={name}
          maxLength={50}
          onChange={(e) => setName(e.target.value)}
          onBlur={() =>
            name.trim() &&
            name.trim() !== tag.name &&
            update.mutate({ id: tag.id, name: name.trim() })
          }
        />
      </form>
      <button
        className="button ghost danger"
        onClick={() => remove.mutate({ id: tag.id })}
        disabled={remove.isPending}
      >
        Delete
      </button>
    </li>
  );
}
