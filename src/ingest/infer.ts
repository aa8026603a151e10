import type { ArticleMeta, Block } from '../model/article.js';
import type { SourceRef } from '../model/source.js';
import { hanCount } from './chars.js';
import { checkParagraph } from './diagnose.js';
import { normalizeText } from './normalize.js';
import { PANEL_TITLE, districtOfText, districtOfTitle } from './patterns.js';
import type { Item } from './reflow.js';

/**
 * Third pass: items → articles. Context decides what a short line is: a caption when it
 * stands alone (after several blank lines, at either end of the file, or after the
 * credit), a kicker right above a title, a subtitle right under one, else a head.
 */

export interface Warning {
  message: string;
  line: number;
}

/** One article as the importer sees it: meta, blocks with raw-file lines, and what looked wrong. */
export interface Draft {
  meta: ArticleMeta;
  blocks: Block[];
  /** First raw line of the article. */
  line: number;
  warnings: Warning[];
}

/** Most paragraphs between a title and its first head that are still read as the lead (导语). */
const MAX_LEAD_PARAGRAPHS = 4;

/** Fewest Han characters in a caption; fewer is a chart label ("2021年"). */
const MIN_CAPTION_HAN = 6;

const clean = (s: string): string => normalizeText(s);
const cleanHead = (s: string): string => normalizeText(s, { keepSpaces: true });

/** A one-line head of two parts ("建好学校、办好入学、护好学生 聚力解决…") is a two-line head. */
function headLines(lines: string[]): string[] {
  const parts = lines.map(cleanHead);
  if (parts.length === 1) {
    const m = /^(\S+) (.+)$/u.exec(parts[0]!);
    if (m) return [m[1]!, m[2]!];
  }
  return parts;
}

/** Give every `short` item its role from its neighbours. */
function resolveShort(items: Item[]): void {
  let tail = false;
  let inPanel = false;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.kind === 'credit' || it.kind === 'byline') tail = true;
    if (it.kind === 'title') tail = inPanel = false;
    if (it.kind === 'head') inPanel = PANEL_TITLE.test(it.text);
    if (it.kind !== 'short') continue;
    const prev = items[i - 1];
    const next = items[i + 1];
    const alone = it.lines.length === 1 && hanCount(it.text) >= MIN_CAPTION_HAN && !/\p{Script=Han} +\p{Script=Han}/u.test(it.text);
    const afterCredit = prev && (prev.kind === 'credit' || prev.kind === 'byline' || prev.kind === 'caption');
    if (next?.kind === 'title' && next.blanksBefore <= 1 && !(alone && it.blanksBefore >= 2)) it.kind = 'kicker';
    else if (alone && (it.blanksBefore >= 2 || !prev || !next || afterCredit)) it.kind = 'caption';
    else if (prev?.kind === 'title' && it.blanksBefore === 0) it.kind = 'subtitle';
    // After the byline, short lines are chart labels and panel lines, not heads.
    else if (tail && (hanCount(it.text) < MIN_CAPTION_HAN || inPanel)) it.kind = 'short';
    else it.kind = 'head';
  }
  // A one-line head directly followed by another one-line head is one two-line head (004, 002).
  for (let i = 0; i + 1 < items.length; i++) {
    const a = items[i]!;
    const b = items[i + 1]!;
    if (a.kind === 'head' && b.kind === 'head' && a.lines.length === 1 && b.lines.length === 1 && b.blanksBefore <= 1 && !PANEL_TITLE.test(a.text) && !a.text.includes(' ')) {
      a.lines.push(b.lines[0]!);
      a.endLine = b.endLine;
      items.splice(i + 1, 1);
    }
  }
}

/** Split items into articles: each title starts one, together with the lead above it. */
function splitArticles(items: Item[]): Item[][] {
  const titles = items.flatMap((it, i) => (it.kind === 'title' ? [i] : []));
  if (titles.length <= 1) return [items];
  const starts = [0];
  for (const t of titles.slice(1)) {
    let s = t;
    // Walk back over the lead and kicker; stop at the previous article's credit, byline or photos.
    while (s > 0 && !['credit', 'byline', 'caption', 'title'].includes(items[s - 1]!.kind)) s--;
    starts.push(Math.max(s, starts[starts.length - 1]! + 1));
  }
  return starts.map((s, i) => items.slice(s, starts[i + 1] ?? items.length));
}

function draftOf(items: Item[], file: string): Draft {
  const src = (line: number): SourceRef => ({ file, line });
  const meta: ArticleMeta = { title: '' };
  const blocks: Block[] = [];
  const warnings: Warning[] = [];
  let lead: Extract<Block, { kind: 'lead' }> | undefined;
  let panel: Extract<Block, { kind: 'panel' }> | undefined;
  let afterTitle = false;
  let afterByline = false;
  let warnedAfterByline = false;
  for (const it of items) {
    if (it.quoted && it.kind !== 'para') warnings.push({ line: it.line, message: 'line marked with “>” read as furniture; the marker is not printed' });
    for (const line of it.markersDropped ?? []) {
      warnings.push({ line, message: '“>” dropped: the line continues the paragraph above and its head is too short to be looked for' });
    }
    switch (it.kind) {
      case 'title':
        meta.title = cleanHead(it.text);
        meta.district = districtOfTitle(meta.title);
        afterTitle = true;
        lead = undefined;
        break;
      case 'kicker':
        meta.kicker = cleanHead(it.text);
        break;
      case 'subtitle':
        meta.subtitle = cleanHead(it.text);
        break;
      case 'label':
        lead = { kind: 'lead', label: clean(it.text), paragraphs: [], source: src(it.line) };
        blocks.push(lead);
        break;
      case 'byline':
        meta.byline = cleanHead(it.text);
        afterByline = true;
        lead = panel = undefined;
        break;
      case 'credit':
        meta.credit = clean(it.text);
        afterByline = true;
        lead = panel = undefined;
        break;
      case 'photo': {
        // A photo's credit goes with its caption; with no photo above it stands as a caption itself.
        const prev = blocks[blocks.length - 1];
        if (prev?.kind === 'figure') prev.caption = clean(`${prev.caption} ${it.text}`);
        else blocks.push({ kind: 'figure', caption: clean(it.text), source: src(it.line) });
        break;
      }
      case 'caption':
        blocks.push({ kind: 'figure', caption: clean(it.text), source: src(it.line) });
        panel = undefined;
        break;
      case 'head':
        lead = undefined;
        if (PANEL_TITLE.test(it.text) && it.lines.length === 1) {
          panel = { kind: 'panel', title: clean(it.text), paragraphs: [], source: src(it.line) };
          blocks.push(panel);
        } else {
          panel = undefined;
          blocks.push({ kind: 'heading', lines: headLines(it.lines), source: src(it.line) });
        }
        break;
      case 'short':
      case 'para': {
        const text = clean(it.text);
        if (!panel && afterByline && it.kind === 'short') {
          // Chart remnants after the byline (002: 2021年 / 74.6%) are kept together as one panel.
          panel = { kind: 'panel', paragraphs: [], source: src(it.line) };
          blocks.push(panel);
        }
        if (it.quoted && it.kind === 'para') {
          // The copy's `>` is printed (as a marker by layout), so the passage stays a body paragraph.
          blocks.push({ kind: 'paragraph', text, source: src(it.line), quote: true });
          warnings.push({ line: it.line, message: 'line marked with “>” by the extraction; kept as a block quote' });
          lead = panel = undefined;
        } else if (panel) panel.paragraphs.push(text);
        else if (lead) lead.paragraphs.push(text);
        else if (!afterTitle) {
          // Copy above the headline is the lead (000 prints it so).
          lead = { kind: 'lead', paragraphs: [text], source: src(it.line) };
          blocks.push(lead);
        } else blocks.push({ kind: 'paragraph', text, source: src(it.line) });
        if (!panel) for (const f of checkParagraph(text)) warnings.push({ line: f.at === 'end' ? it.endLine : it.line, message: f.message });
        // Once per run of such paragraphs: the editor needs the place, not a line for every paragraph.
        if (afterByline && !panel && !warnedAfterByline) {
          warnings.push({ line: it.line, message: 'body text after the byline (from here on): reading order may be scrambled' });
          warnedAfterByline = true;
        }
        break;
      }
    }
  }
  promoteLead(blocks);
  if (!meta.district) meta.district = districtOfText(items.map((i) => i.text).join('\n'));
  if (!meta.district) delete meta.district;
  return { meta, blocks, line: items[0]?.line ?? 1, warnings };
}

/** The few paragraphs between the title and the first head, when there is no other lead, are the lead. */
function promoteLead(blocks: Block[]): void {
  if (blocks.some((b) => b.kind === 'lead')) return;
  const firstHead = blocks.findIndex((b) => b.kind === 'heading');
  const start = blocks.findIndex((b) => b.kind === 'paragraph');
  if (start < 0 || firstHead < start) return;
  const run = blocks.slice(start, firstHead);
  if (run.length === 0 || run.length > MAX_LEAD_PARAGRAPHS || !run.every((b) => b.kind === 'paragraph' && !b.quote)) return;
  const paragraphs = run.map((b) => (b.kind === 'paragraph' ? b.text : ''));
  blocks.splice(start, run.length, { kind: 'lead', paragraphs, source: run[0]!.source });
}

/** Items of one file → one draft per article, in reading order. */
export function inferArticles(items: Item[], file: string): Draft[] {
  const work = items.map((it) => ({ ...it, lines: [...it.lines] }));
  resolveShort(work);
  return splitArticles(work).map((part) => draftOf(part, file));
}
