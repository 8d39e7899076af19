// Short messages at the bottom of the screen ("Task deleted — Undo", "Could not save: ...").
export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
  tone?: 'error' | 'info';
}

type Listener = (toasts: Toast[]) => void;
const listeners = new Set<Listener>();
let toasts: Toast[] = [];
let nextId = 1;

function emit() {
  for (const listener of listeners) listener(toasts);
}

export function dismissToast(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

export function showToast(toast: Omit<Toast, 'id'>, ms = 5_000): number {
  const id = nextId++;
  toasts = [...toasts.slice(-2), { ...toast, id }];
  emit();
  setTimeout(() => dismissToast(id), ms);
  return id;
}

export const getToasts = () => toasts;
export function subscribeToasts(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
