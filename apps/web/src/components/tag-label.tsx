// A tag as lists and pickers show it: its color as a dot (decoration only), then its name.
import type { TagOutput } from '@repo/validators';

export function TagLabel({ tag }: { tag: Pick<TagOutput, 'name' | 'color'> }) {
  return (
    <>
      <span
        className="dot"
        style={{ background: tag.color ?? 'var(--muted)' }}
        aria-hidden="true"
      />
      {tag.name}
    </>
  );
}
