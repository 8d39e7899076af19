// Saving an edit that carries the updatedAt it started from (docs/contract.md: CONFLICT when the
// row changed since). On CONFLICT the saved version is fetched and held until the person
// chooses: keep mine (save again, over theirs) or take theirs. One rule for every editor of both
// apps; each keeps its own form and dialog.
import { useState } from 'react';
import { appCodeOf } from '../auth/app-error';

export interface ConflictSaveOptions<T, R> {
  /** updatedAt of the version the edit started from; undefined for a row not created yet. */
  base: Date | undefined;
  /** Sends the edit; null when the form has problems of its own and nothing is sent. */
  write: (expectedUpdatedAt: Date | undefined) => Promise<R> | null;
  /** The saved version, fetched after a CONFLICT; absent where none can happen (a create). */
  latest?: (() => Promise<T>) | undefined;
  /** After a successful save, with what `write` answered; awaited while still "saving". */
  onSaved?: (saved: R) => unknown;
}

export interface ConflictSave<T> {
  saving: boolean;
  /** What the last save failed with, unless it was a conflict now held in `theirs`. */
  error: unknown;
  /** The version saved elsewhere that the last save ran into, until the person chooses. */
  theirs: T | null;
  /** Saves on the version the edit is based on. */
  save(): Promise<void>;
  /** Saves mine over theirs, which becomes the base. */
  keepMine(): Promise<void>;
  /** Drops the conflict; theirs becomes the base (the form shows theirs, or closes). */
  takeTheirs(): void;
}

export function useConflictSave<T extends { updatedAt: Date }, R>(
  options: ConflictSaveOptions<T, R>,
): ConflictSave<T> {
  const [base, setBase] = useState(options.base);
  const [error, setError] = useState<unknown>(null);
  const [theirs, setTheirs] = useState<T | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(expectedUpdatedAt: Date | undefined) {
    const sent = options.write(expectedUpdatedAt);
    if (!sent) return;
    setSaving(true);
    setError(null);
    try {
      const saved = await sent;
      await options.onSaved?.(saved);
    } catch (caught) {
      if (options.latest && appCodeOf(caught) === 'CONFLICT') {
        const latest = await options.latest().catch(() => null);
        if (latest) return setTheirs(latest);
      }
      setError(caught);
    } finally {
      setSaving(false);
    }
  }

  return {
    saving,
    error,
    theirs,
    save: () => save(base),
    keepMine() {
      if (!theirs) return Promise.resolve();
      setTheirs(null);
      setBase(theirs.updatedAt);
      return save(theirs.updatedAt);
    },
    takeTheirs() {
      if (!theirs) return;
      setTheirs(null);
      setBase(theirs.updatedAt);
    },
  };
}
