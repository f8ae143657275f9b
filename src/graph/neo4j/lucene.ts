/** User text as a Lucene query of plain terms: every query-syntax character is escaped, so "C++ (GPU)" is text. */
const SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

export function escapeLucene(text: string): string {
  // Boolean words would otherwise be read as operators.
  return text.replace(SPECIAL, '\\$&').replace(/\b(AND|OR|NOT)\b/g, (word) => word.toLowerCase());
}
