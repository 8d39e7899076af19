/** The web app's palette: a new tag takes one of these. */
export const TAG_PALETTE = ['#4f46e5', '#0891b2', '#059669', '#ca8a04', '#dc2626', '#db2777'];

/** The color of a tag made on the fly (quick add's #name): the same one for the same name. */
export const tagColorFor = (name: string): string =>
  TAG_PALETTE[
    [...name].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) >>> 0, 7) % TAG_PALETTE.length
  ]!;
