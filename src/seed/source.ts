/** The source text: where each section starts, which section a quote stands in, and the sentence around a mention. */
import { collapseWhitespace } from '../graph/text.js';

export interface SectionSpec {
  id: string;
  number: string;
  heading: string;
}

interface Span {
  number: string;
  start: number;
  /** Where the heading ends and the section's prose begins. */
  prose: number;
  end: number;
}

const SENTENCE_END = /[。!?!?;;]/;
const CLAUSE_END = /[,,、:]/;
const MAX_EVIDENCE = 160;

export class SourceText {
  /** The whole text with whitespace runs collapsed: the coordinate system of every position here. */
  readonly text: string;
  private readonly spans: Span[] = [];
  /** Section number -> its ancestors and itself ("3.3.2" -> ["3", "3.3", "3.3.2"]). */
  private readonly lineage = new Map<string, string[]>();
  readonly problems: string[] = [];
  /** The table of contents and the list of figures: between the preface and the body, part of no section's prose. */
  private readonly contents: { start: number; end: number };

  constructor(raw: string, sections: SectionSpec[], bodyStartsAfter: string, contentsStartsAt?: string) {
    this.text = collapseWhitespace(raw);
    const bodyMarker = this.text.indexOf(collapseWhitespace(bodyStartsAfter));
    if (bodyMarker < 0) this.problems.push(`bodyStartsAfter text not found in source.txt: ${bodyStartsAfter}`);
    const bodyStart = bodyMarker + collapseWhitespace(bodyStartsAfter).length;
    const contentsStart = contentsStartsAt === undefined ? -1 : this.text.lastIndexOf(collapseWhitespace(contentsStartsAt), bodyMarker);
    if (contentsStartsAt !== undefined && contentsStart < 0) this.problems.push(`contentsStartsAt text not found before the body: ${contentsStartsAt}`);
    this.contents = contentsStart < 0 ? { start: 0, end: 0 } : { start: contentsStart, end: bodyStart };
    let from = 0;
    for (const section of sections) {
      // Numbered headings also stand in the table of contents; only the body's occurrence counts.
      if (/^\d/.test(section.number)) from = Math.max(from, bodyStart);
      const at = this.text.indexOf(collapseWhitespace(section.heading), from);
      if (at < 0) {
        this.problems.push(`section ${section.number}: heading "${section.heading}" not found in order in source.txt`);
        continue;
      }
      const prose = at + collapseWhitespace(section.heading).length;
      this.spans.push({ number: section.number, start: at, prose, end: this.text.length });
      from = at + 1;
    }
    for (let i = 0; i + 1 < this.spans.length; i++) this.spans[i].end = this.spans[i + 1].start;
    for (const { number } of this.spans) {
      const parts = number.split('.');
      this.lineage.set(number, /^\d/.test(number) ? parts.map((_, i) => parts.slice(0, i + 1).join('.')) : [number]);
    }
  }

  /** True inside the table of contents or the list of figures, whose headings mention everything once more. */
  inContents(position: number): boolean {
    return this.contents.start <= position && position < this.contents.end;
  }

  /** Every start position of `quote` (compared after collapsing whitespace). */
  occurrences(quote: string): number[] {
    const needle = collapseWhitespace(quote);
    const found: number[] = [];
    // Stryker disable next-line ConditionalExpression: equivalent, the schema refuses an empty quote, so a needle is never empty (README: Mutation testing)
    if (!needle) return found;
    for (let at = this.text.indexOf(needle); at >= 0; at = this.text.indexOf(needle, at + 1)) found.push(at);
    return found;
  }

  /** The most specific section whose own text contains `position`. */
  sectionAt(position: number): string {
    let found = this.spans[0]?.number ?? 'front';
    for (const span of this.spans) if (span.start <= position) found = span.number;
    return found;
  }

  /** True when `position` lies in `section` or one of its subsections. */
  isWithin(position: number, section: string): boolean {
    // Stryker disable next-line ArrayDeclaration: equivalent, only called for known sections, whose positions all have a lineage (README: Mutation testing)
    return (this.lineage.get(this.sectionAt(position)) ?? []).includes(section);
  }

  hasSection(number: string): boolean {
    return this.lineage.has(number);
  }

  /** The parent section number, or undefined for top-level sections. */
  parentOf(number: string): string | undefined {
    // Stryker disable next-line ArrayDeclaration: equivalent, a one-element lineage gives undefined as the empty one does (README: Mutation testing)
    const lineage = this.lineage.get(number) ?? [];
    return lineage.length > 1 ? lineage[lineage.length - 2] : undefined;
  }

  /** Document order of sections, for sorting. */
  orderOf(number: string): number {
    return this.spans.findIndex((s) => s.number === number);
  }

  /** The sentence around [start, end); narrowed to its clause when the sentence is long. */
  sentenceAround(start: number, end: number): string {
    const section = this.spans.find((s) => s.start <= start && start < s.end);
    // A mention inside a heading is quoted as the heading; prose sentences never run into the heading.
    if (section && start < section.prose) return this.text.slice(section.start, section.prose);
    const lo = section?.prose ?? 0;
    const hi = section?.end ?? this.text.length;
    let a = this.scanBack(start, lo, SENTENCE_END);
    let b = this.scanForward(end, hi, SENTENCE_END);
    if (b - a > MAX_EVIDENCE) {
      a = Math.max(a, this.scanBack(start, lo, CLAUSE_END));
      b = Math.min(b, this.scanForward(end, hi, CLAUSE_END));
    }
    return this.text.slice(a, b).trim();
  }

  private scanBack(from: number, limit: number, stop: RegExp): number {
    let i = from;
    while (i > limit && !stop.test(this.text[i - 1])) i--;
    return i;
  }

  private scanForward(from: number, limit: number, stop: RegExp): number {
    let i = from;
    while (i < limit && !stop.test(this.text[i])) i++;
    return Math.min(i + 1, limit);
  }
}
