// Literal substring search: ILIKE reads %, _ and \ as syntax and Prisma's `contains` passes them
// through, so a search for "50%" would match "500". Escaped, the text is taken as typed.
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A Prisma string filter: `text` anywhere in the column, ignoring case, taken literally. */
export const containsLiteral = (text: string) => ({
  contains: escapeLike(text),
  mode: 'insensitive' as const,
});
