/** Text normalisation shared by the seed checker, the stores and search. */

/** Collapse every run of whitespace to one space: how evidence quotes are compared with the source. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A lookup key for names and aliases: case-folded, NFKC (full-width to half-width), no whitespace. */
export function nameKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;
const LATIN_WORD = /[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]/g;

/**
 * The search terms of a text, the same for every store. Chinese has no spaces, so a run of Han characters becomes
 * its single characters and its character pairs (what Lucene's CJK analyzer indexes); Latin text becomes lower-case
 * words ("c++", "5g", "51.2t" kept whole). Repeated terms are kept: they count as term frequency.
 */
export function tokenize(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase();
  const tokens: string[] = [];
  for (const run of normalized.match(CJK_RUN) ?? []) {
    for (let i = 0; i < run.length; i++) {
      tokens.push(run[i]);
      if (i + 1 < run.length) tokens.push(run.slice(i, i + 2));
    }
  }
  for (const word of normalized.replace(CJK_RUN, ' ').match(LATIN_WORD) ?? []) tokens.push(word);
  return tokens;
}
