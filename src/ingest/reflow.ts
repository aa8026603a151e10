import { CLAUSE_END, emWidth, endsSentence, hanCount, lastChar } from './chars.js';
import { isShortLine, type LineKind, type RawLine } from './lines.js';
import { SHORT_TAIL_EM } from './patterns.js';
import { joinLines, normalizeText } from './normalize.js';

/**
 * Second pass: hard-wrapped lines → paragraphs. Inside a run of lines, a line is the
 * end of its paragraph only when it ends a sentence and stops short of the measure.
 * A blank line after an unfinished sentence is a column break, so the paragraph goes on
 * in the next run of lines.
 */

/** `short` items become `caption`, `kicker`, `subtitle` or `head` once their context is known. */
export type ItemKind = Exclude<LineKind, 'text'> | 'para' | 'short' | 'kicker' | 'subtitle';

export interface Item {
  /** `para`: body text; `short`: 1–2 short lines (head, kicker, caption or chart label, by context). */
  kind: ItemKind;
  /** Raw lines, trimmed; a paragraph's are joined into `text`. */
  lines: string[];
  text: string;
  /** 1-based first and last raw line. */
  line: number;
  endLine: number;
  blanksBefore: number;
  level?: number;
  quoted?: boolean;
  /** Raw lines this paragraph was joined from across column breaks. */
  joinedAt?: number[];
  /** Raw lines whose `>` went: they were joined into the middle of this paragraph. */
  markersDropped?: number[];
}

/** Fewest Han characters in a piece of a raw line that a reader (and the audit) looks for in print. */
const CHECKED_HAN = 6;

/**
 * Whether a `>` line's marker must stay in print: the line's text up to its first sentence
 * end is a piece of the copy long enough to be looked for, and the `>` belongs to it. A
 * shorter head ("与动态优化。") may be joined into the paragraph above, marker and all.
 */
export function markerNeeded(line: string): boolean {
  const head = /^[^。！？；!?;]*/u.exec(normalizeText(line))![0];
  return hanCount(head) >= CHECKED_HAN;
}

/** How far short of the widest line of its run a line must stop to end a paragraph, in em (000 sets 17–19 em lines in an 18 em column). */
const RAGGED_EM = 2;

/** A file is hard-wrapped when at least this share of its text lines sit in runs of three lines or more. */
const WRAPPED_SHARE = 0.5;

function runs(lines: readonly RawLine[]): RawLine[][] {
  const out: RawLine[][] = [];
  let run: RawLine[] = [];
  for (const l of lines) {
    if (l.kind !== 'text' || l.blanksBefore > 0 || run.length === 0 || run[run.length - 1]!.kind !== 'text') {
      if (run.length) out.push(run);
      run = [];
    }
    run.push(l);
  }
  if (run.length) out.push(run);
  return out;
}

/** One or two short lines on their own: a head, kicker, caption or chart label, never body text. */
function isShortRun(run: readonly RawLine[]): boolean {
  return run.length <= 2 && run.every((l) => isShortLine(l.text));
}

/** The column measure of a file: the median width of lines that wrapped onto a next line. */
function fileMeasure(textRuns: readonly RawLine[][]): number {
  const widths = textRuns.flatMap((r) => r.slice(0, -1).map((l) => emWidth(l.text))).sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)] ?? 0;
}

/** `minMeasure`: the file's measure, so that a run of two lines is not judged by itself alone. */
function paragraphsOfRun(run: RawLine[], minMeasure: number): Item[] {
  const measure = Math.max(minMeasure, ...run.map((l) => emWidth(l.text)));
  const out: Item[] = [];
  let cur: RawLine[] = [];
  const flush = (): void => {
    if (!cur.length) return;
    const texts = cur.map((l) => l.text);
    const dropped = cur.slice(1).filter((l) => l.quoted).map((l) => l.line);
    out.push({ kind: 'para', lines: texts, text: joinLines(texts), line: cur[0]!.line, endLine: cur[cur.length - 1]!.line, blanksBefore: cur[0]!.blanksBefore, ...(cur[0]!.quoted ? { quoted: true } : {}), ...(dropped.length ? { markersDropped: dropped } : {}) });
    cur = [];
  };
  for (const l of run) {
    // A `>` line whose marker must be printed starts a paragraph of its own.
    if (l.quoted && markerNeeded(l.text)) flush();
    cur.push(l);
    if (endsSentence(l.text) && emWidth(l.text) < measure - RAGGED_EM) flush();
  }
  flush();
  return out;
}

function itemOf(l: RawLine): Item {
  return { kind: l.kind as ItemKind, lines: [l.text], text: l.text, line: l.line, endLine: l.line, blanksBefore: l.blanksBefore, ...(l.level ? { level: l.level } : {}), ...(l.quoted ? { quoted: true } : {}) };
}

/** Whether the next paragraph continues `prev` across a blank line (a column break). */
function continues(prev: Item, next: Item, wrapped: boolean): boolean {
  if (prev.kind !== 'para' || next.kind !== 'para' || endsSentence(prev.text)) return false;
  if (next.quoted && markerNeeded(next.lines[0]!)) return false;
  if (next.blanksBefore > 2) return false;
  if (wrapped) return true;
  // Unwrapped copy: only a cut after a comma, or a short tail ("展需要。"), is safe to join.
  return CLAUSE_END.has(lastChar(prev.text)) || (emWidth(next.text) <= SHORT_TAIL_EM && endsSentence(next.text));
}

/** Raw lines → items in reading order, hard wraps and column breaks undone. */
export function reflow(lines: readonly RawLine[]): Item[] {
  // Heads and captions (short runs) say nothing about wrapping; only body runs count.
  const textRuns = runs(lines).filter((r) => r[0]!.kind === 'text' && !isShortRun(r));
  const textLines = textRuns.reduce((n, r) => n + r.length, 0);
  const wrappedLines = textRuns.filter((r) => r.length >= 3).reduce((n, r) => n + r.length, 0);
  const wrapped = textLines > 0 && wrappedLines / textLines >= WRAPPED_SHARE;
  const measure = fileMeasure(textRuns);
  const out: Item[] = [];
  for (const run of runs(lines)) {
    if (run[0]!.kind !== 'text') {
      out.push(itemOf(run[0]!));
      continue;
    }
    // A `>` line is body copy however short: only a paragraph prints its marker.
    if (isShortRun(run) && !run.some((l) => l.quoted)) {
      out.push({ kind: 'short', lines: run.map((l) => l.text), text: run.map((l) => l.text).join(' '), line: run[0]!.line, endLine: run[run.length - 1]!.line, blanksBefore: run[0]!.blanksBefore });
      continue;
    }
    const paras = paragraphsOfRun(run, measure);
    const prev = out[out.length - 1];
    const first = paras[0]!;
    if (prev && continues(prev, first, wrapped)) {
      prev.lines.push(...first.lines);
      prev.text = joinLines([prev.text, first.text]);
      prev.endLine = first.endLine;
      prev.joinedAt = [...(prev.joinedAt ?? []), first.line];
      const dropped = [...(first.quoted ? [first.line] : []), ...(first.markersDropped ?? [])];
      if (dropped.length) prev.markersDropped = [...(prev.markersDropped ?? []), ...dropped];
      paras.shift();
    }
    out.push(...paras);
  }
  return out;
}
