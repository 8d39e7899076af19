// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConflictDialog } from './conflict-dialog';

afterEach(cleanup);

const fields = [
  { label: 'Title', mine: 'Buy oat milk', theirs: 'Buy milk' },
  { label: 'Priority', mine: 'high', theirs: 'high' },
];

describe('conflict dialog', () => {
  it('is a dialog named for the change, showing both versions field by field', () => {
    render(
      <ConflictDialog
        what="task"
        fields={fields}
        onKeepMine={() => undefined}
        onUseTheirs={() => undefined}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: /changed/ });
    // Named by its heading, and modal: the page behind cannot be used until it is answered.
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.tagName).toBe('H2');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const titleRow = screen.getByRole('row', { name: /Title/ });
    expect(titleRow.textContent).toContain('Buy milk');
    expect(titleRow.textContent).toContain('Buy oat milk');
    expect(titleRow.className).toBe('differs');
    expect(screen.getByRole('row', { name: /Priority/ }).className).toBe('');
  });

  it('answers Keep mine and Use theirs, and Esc does not dismiss it unanswered', async () => {
    const keep = vi.fn();
    const theirs = vi.fn();
    const user = userEvent.setup();
    render(<ConflictDialog what="task" fields={fields} onKeepMine={keep} onUseTheirs={theirs} />);
    await user.keyboard('{Escape}');
    expect(theirs).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Keep mine' }));
    expect(keep).toHaveBeenCalledOnce();
    await user.click(screen.getByRole('button', { name: 'Use theirs' }));
    expect(theirs).toHaveBeenCalledOnce();
  });
});
