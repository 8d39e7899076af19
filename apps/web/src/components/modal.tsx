// A modal dialog: labelled by its heading, Esc and the backdrop close it, focus moves in on open
// and returns to where it was on close.
import { type ReactNode, useEffect, useId, useRef } from 'react';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** For dialogs that must be answered (the conflict dialog): no close on Esc or backdrop. */
  mustAnswer?: boolean;
  wide?: boolean;
}

export function Modal({ title, onClose, children, mustAnswer, wide }: Props) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const first = panel.current?.querySelector<HTMLElement>(
      'input, textarea, select, button:not(.modal-close)',
    );
    first?.focus();
    return () => previous?.focus?.();
  }, []);

  useEffect(() => {
    if (mustAnswer) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose, mustAnswer]);

  return (
    <div
      className="backdrop"
      onMouseDown={(e) => !mustAnswer && e.target === e.currentTarget && onClose()}
    >
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        className={`modal ${wide ? 'modal-wide' : ''}`}
      >
        <div className="modal-head">
          <h2 id={titleId}>{title}</h2>
          {!mustAnswer && (
            <button className="icon-button modal-close" aria-label="Close" onClick={onClose}>
              ×
            </button>
          )}
        </div>
        {children}
      </div>
    </div>
  );
}
