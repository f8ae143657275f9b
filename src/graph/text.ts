/** Text normalisation shared by the seed checker, the stores and search. */

/** Collapse every run of whitespace to one space: how evidence quotes are compared with the source. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A lookup key for names and aliases: case-folded, NFKC (full-width to half-width), no whitespace. */
export function nameKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}
