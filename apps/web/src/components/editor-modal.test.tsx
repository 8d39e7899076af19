// @vitest-environment jsdom
import { useConflictSave } from '@repo/client/react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { EditorModal } from './editor-modal';
import { TextField } from './form-fields';

afterEach(cleanup);

interface Note {
  title: string;
  updatedAt: Date;
}

/** One stored note with the server's rule: a stale expectedUpdatedAt answers CONFLICT. */
function storedNote() {
  const store = {
    note: { title: 'Buy milk', updatedAt: new Date(1000) },
    closed: 0,
    takenTheirs: [] as Note[],
    save(title: string, expectedUpdatedAt: Date | undefined): Promise<Note> {
      if (expectedUpdatedAt?.getTime() !== store.note.updatedAt.getTime()) {
        const conflict = Object.assign(new Error('Changed since'), {
          data: { appCode: 'CONFLICT' },
        });
        return Promise.reject(conflict);
      }
      store.note = { title, updatedAt: new Date(store.note.updatedAt.getTime() + 1000) };
      return Promise.resolve(store.note);
    },
  };
  return store;
}

function NoteEditor({ store }: { store: ReturnType<typeof storedNote> }) {
  const [title, setTitle] = useState(store.note.title);
  const saver = useConflictSave({
    base: store.note.updatedAt,
    write: (expectedUpdatedAt) => store.save(title, expectedUpdatedAt),
    latest: () => Promise.resolve(store.note),
    onSaved: () => void store.closed++,
  });
  return (
    <EditorModal
      title="Edit note"
      what="note"
      saver={saver}
      fieldErrors={{}}
      conflictFields={(theirs) => [{ label: 'Title', mine: title, theirs: theirs.title }]}
      onUseTheirs={(theirs) => store.takenTheirs.push(theirs)}
      onClose={() => void store.closed++}
    >
      <TextField label="Title" value={title} onChange={setTitle} />
    </EditorModal>
  );
}

async function editWhileChangedElsewhere() {
  const store = storedNote();
  render(<NoteEditor store={store} />);
  await userEvent.type(screen.getByRole('textbox', { name: 'Title' }), ' and bread');
  store.note = { title: 'Buy oat milk', updatedAt: new Date(2000) };
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  await screen.findByRole('dialog', { name: 'This note changed elsewhere' });
  return store;
}

describe('editor modal', () => {
  it('saves on Enter and closes', async () => {
    const store = storedNote();
    render(<NoteEditor store={store} />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Title' }), ' now{Enter}');
    await expect.poll(() => store.closed).toBe(1);
    expect(store.note.title).toBe('Buy milk now');
  });

  it('on CONFLICT shows both versions; Keep mine saves mine over theirs', async () => {
    const store = await editWhileChangedElsewhere();
    const row = screen.getByRole('row', { name: /Title/ });
    expect(row.textContent).toBe('TitleBuy oat milkBuy milk and bread');
    await userEvent.click(screen.getByRole('button', { name: 'Keep mine' }));
    await expect.poll(() => store.note.title).toBe('Buy milk and bread');
    expect(store.closed).toBe(1);
    expect(screen.queryByRole('dialog', { name: /changed elsewhere/ })).toBeNull();
  });

  it('Use theirs hands their version on and saves nothing', async () => {
    const store = await editWhileChangedElsewhere();
    await userEvent.click(screen.getByRole('button', { name: 'Use theirs' }));
    expect(store.takenTheirs).toEqual([{ title: 'Buy oat milk', updatedAt: new Date(2000) }]);
    expect(store.note.title).toBe('Buy oat milk');
    expect(screen.queryByRole('dialog', { name: /changed elsewhere/ })).toBeNull();
  });
});
