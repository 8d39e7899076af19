// Delete with undo: the task leaves the list at once, and the delete is only sent when the undo
// window closes (or the next delete starts), so "Undo" needs no re-creation.
import { useEffect, useRef, useState } from 'react';
import { type Task, useDeleteTask } from './task-mutations';

export const UNDO_WINDOW_MS = 5000;

export function useDeleteWithUndo() {
  const del = useDeleteTask();
  /** The task the undo bar offers back. */
  const [pending, setPending] = useState<Task | null>(null);
  /** Every task deleted or being deleted here: hidden until the list refetches without them. */
  const [hidden, setHidden] = useState<ReadonlySet<number>>(new Set());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const commitRef = useRef<() => void>(() => undefined);

  commitRef.current = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!pending) return;
    del.mutate({ id: pending.id });
    setPending(null);
  };

  // Leaving the screen commits what is pending.
  useEffect(() => () => commitRef.current(), []);

  return {
    pending,
    isHidden: (task: Task) => hidden.has(task.id),
    remove(task: Task) {
      commitRef.current();
      setPending(task);
      setHidden((ids) => new Set(ids).add(task.id));
      timer.current = setTimeout(() => commitRef.current(), UNDO_WINDOW_MS);
    },
    undo() {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (!pending) return;
      const restored = pending.id;
      setHidden((ids) => new Set([...ids].filter((id) => id !== restored)));
      setPending(null);
    },
  };
}
