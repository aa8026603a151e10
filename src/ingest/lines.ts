import { CREDIT, BYLINE, PHOTO_CREDIT, ROLE_BYLINE, CAPTION_MARK, LEAD_LABELS, MD_HEADING, SENTENCE_MARKS, SHORT_LINE_EM, districtOfTitle } from './patterns.js';
import { emWidth } from './chars.js';

/**
 * First pass over a raw file: one record per non-blank line, with what the line is by
 * its own shape. Context (which chunk it is in, what comes before) is the next pass's job.
 */

export type LineKind =
  /** Body text, or a head / caption / kicker still to be told apart by context. */
  | 'text'
  /** `# …` or an indented short line or "区名 标题": the headline of an article. */
  | 'title'
  /** `## …` (any level ≥ 2). */
  | 'head'
  /** ▲ caption. */
  | 'caption'
  | 'credit'
  | 'byline'
  /** 记者 罗静 摄: the credit of the photo above. */
  | 'photo'
  /** 核心提示: the label of a boxed lead. */
  | 'label';

export interface RawLine {
  kind: LineKind;
  /** Trimmed text without the Markdown mark, not yet normalized. */
  text: string;
  /** 1-based line number in the raw file. */
  line: number;
  /** Blank lines right before this one (a column or block break). */
  blanksBefore: number;
  /** Heading level for `head` (2…6), 1 for `# title`. */
  level?: number;
  /** The line carried a `>` mark (an extraction artefact in 002). */
  quoted?: boolean;
}

/** A line short enough and free of sentence marks to be a head, title, caption or kicker. */
export function isShortLine(text: string): boolean {
  return emWidth(text) <= SHORT_LINE_EM && !SENTENCE_MARKS.test(text) && !/[、，,]$/u.test(text);
}

function classify(text: string, indented: boolean): { kind: LineKind; text: string; level?: number } {
  const md = MD_HEADING.exec(text);
  if (md) {
    const level = md[1]!.length;
    return { kind: level === 1 ? 'title' : 'head', text: md[2]!.trim(), level };
  }
  if (CAPTION_MARK.test(text)) return { kind: 'caption', text };
  if (CREDIT.test(text) && text.replace(CREDIT, '').trim().length <= 12) return { kind: 'credit', text };
  if (BYLINE.test(text) || ROLE_BYLINE.test(text)) return { kind: 'byline', text };
  if (PHOTO_CREDIT.test(text)) return { kind: 'photo', text };
  if (LEAD_LABELS.includes(text)) return { kind: 'label', text };
  // 000 sets its headlines off by one leading space; 001–004 start them with the district's name.
  if (isShortLine(text) && (indented || districtOfTitle(text))) return { kind: 'title', text };
  return { kind: 'text', text };
}

/** Split a decoded file into classified non-blank lines. */
export function scanLines(source: string): RawLine[] {
  const out: RawLine[] = [];
  let blanks = 0;
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i]!;
    if (raw.trim() === '') {
      blanks++;
      continue;
    }
    let quoted = false;
    if (/^\s*>\s?/u.test(raw)) {
      quoted = true;
      raw = raw.replace(/^\s*>\s?/u, '');
    }
    const indented = /^[ \u3000\t]/u.test(raw);
    const trimmed = raw.trim();
    const line = i + 1;
    // "王彩艳 杨敏 胡忠英 图片由渝北区教委提供": byline and credit share a line in 002.
    const credit = CREDIT.exec(trimmed);
    if (credit && credit.index > 0 && BYLINE.test(trimmed.slice(0, credit.index).trim())) {
      out.push({ kind: 'byline', text: trimmed.slice(0, credit.index).trim(), line, blanksBefore: blanks });
      out.push({ kind: 'credit', text: trimmed.slice(credit.index).trim(), line, blanksBefore: 0 });
    } else {
      const c = classify(trimmed, indented);
      out.push({ ...c, line, blanksBefore: blanks, ...(quoted ? { quoted } : {}) });
    }
    blanks = 0;
  }
  return out;
}
