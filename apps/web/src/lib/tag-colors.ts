// Tag colors: the palette the tags page offers, which reads on light and dark, and the color a
// tag made on the fly (quick add) gets, stable per name.
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

export const tagColorFor = (name: string): string =>
  TAG_PALETTE[
    [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % TAG_PALETTE.length
  ]!;
