/**
 * Character classes the ingest rules are written in. Ranges follow Unicode blocks;
 * punctuation sets follow GB/T 15834 (标点符号用法) as clreq §3.1 groups them.
 */

/** Han ideographs: URO, Ext A, compatibility ideographs, Ext B–F (astral), and 〇. */
const HAN = /[\u3007\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2FA1F}]/u;

/** Full-width CJK punctuation (GB/T 15834 marks as set in Chinese text). */
const CJK_PUNCT = /[\u3000-\u3003\u3008-\u3011\u3014-\u301F\u2014\u2018\u2019\u201C\u201D\u2026\u00B7\u30FB\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]/u;

/** Marks that end a sentence (GB/T 15834 §4.1–4.3 句末点号, plus the ellipsis used as one). */
export const SENTENCE_END = new Set(['。', '！', '？', '…', '!', '?']);

/** Closing marks that may follow a sentence end (“…。” ends the sentence too). */
export const CLOSERS = new Set(['”', '’', '）', '』', '」', '》', ')']);

/** Marks inside a sentence after which a column break often falls (句内点号). */
export const CLAUSE_END = new Set(['，', '、', '；', '：', ',', ';', ':']);

export const isHan = (ch: string): boolean => HAN.test(ch);
export const isCjkPunct = (ch: string): boolean => CJK_PUNCT.test(ch);
/** Han or full-width punctuation: a neighbour that makes half-width marks wrong. */
export const isCjk = (ch: string): boolean => isHan(ch) || isCjkPunct(ch);

/** Count of Han characters in a string (for "≥ n Han" tests and short-line rules). */
export function hanCount(s: string): number {
  let n = 0;
  for (const ch of s) if (isHan(ch)) n++;
  return n;
}

/** Display width in em: CJK characters are 1, everything else ½ (ASCII in a proportional face). */
export function emWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += isCjk(ch) || ch.codePointAt(0)! > 0x2e80 ? 1 : 0.5;
  return w;
}

/** Whether the text ends a sentence: a sentence end, possibly followed by closing marks. */
export function endsSentence(s: string): boolean {
  const t = [...s.trimEnd()];
  let i = t.length - 1;
  while (i >= 0 && CLOSERS.has(t[i]!)) i--;
  if (i < 0) return false;
  // A closing quote right after text ends a quoted sentence in headline-like copy only; be strict.
  return SENTENCE_END.has(t[i]!);
}

/** Last non-space character, or ''. */
export function lastChar(s: string): string {
  const t = [...s.trimEnd()];
  return t[t.length - 1] ?? '';
}
