import { CLOSERS, endsSentence, hanCount, isHan } from './chars.js';
import { OPENERS } from './patterns.js';

/**
 * Checks that find text an editor should look at. Each returns a message or undefined;
 * they never change the text.
 */

/** Opening mark for each closing mark that can be left unbalanced by a cut. */
const PAIRS: Readonly<Record<string, string>> = { '》': '《', '”': '“', '）': '（', '』': '『', '」': '「' };

function excerpt(s: string, n: number, fromEnd: boolean): string {
  const chars = [...s];
  if (chars.length <= n) return s;
  return fromEnd ? `…${chars.slice(-n).join('')}` : `${chars.slice(0, n).join('')}…`;
}

/** A paragraph that stops without a sentence end: the rest was cut off by the extraction. */
export function endsMidSentence(text: string): string | undefined {
  if (endsSentence(text)) return undefined;
  return `fragment ends mid-sentence (${excerpt(text, 10, true)}); its tail may be elsewhere`;
}

/** Last characters of a time or place phrase that opens a sentence: 两年前，近年来，课堂上，… */
const PHRASE_ENDS = new Set([...'前后来时间里中上下外内初末底']);
/** First characters of a clause that answers a short topic: 教育兴，则文化兴；教育，是民生之基。 */
const ANSWER_STARTS = new Set([...'则是乃即亦也更就才又既']);

/** A short first clause that is a sentence's own beginning, not the tail of a cut one. */
function isWholeClause(clause: string, mark: string, after: string): boolean {
  const last = [...clause].pop() ?? '';
  return mark === '，' && (PHRASE_ENDS.has(last) || ANSWER_STARTS.has(after));
}

/** A paragraph whose start looks like the tail of a cut sentence. */
export function startsMidSentence(text: string): string | undefined {
  const chars = [...text];
  const first = chars[0] ?? '';
  let why: string | undefined;
  if (CLOSERS.has(first) || /^[，。、；：！？,.;:]/u.test(first)) why = 'starts with a closing mark';
  else {
    // A closing 》 or ” before any opening one: the opening half is elsewhere.
    for (const ch of chars) {
      const open = PAIRS[ch];
      if (Object.values(PAIRS).includes(ch)) break;
      if (open) {
        why = `has ${ch} before any ${open}`;
        break;
      }
    }
  }
  if (!why) {
    const m = /^([^，。、；：！？“《（]*)([，。；])(.?)/u.exec(text);
    const clause = m?.[1];
    if (clause !== undefined && hanCount(clause) <= 3 && [...clause].every(isHan) && !OPENERS.has(clause) && !isWholeClause(clause, m![2]!, m![3]!)) {
      why = `opens with the short clause “${clause}”`;
    }
  }
  return why && `paragraph may start mid-sentence (${excerpt(text, 10, false)}): ${why}; its head may be elsewhere`;
}

/** Opening marks a line (so a paragraph) must not end with (clreq 禁则). */
const OPENING_MARKS = /[“‘（《「『【〔(\[]$/u;

/** A paragraph whose last character is an opening mark: it would end a printed line with one. */
export function endsWithOpener(text: string): string | undefined {
  return OPENING_MARKS.test(text.trimEnd()) ? `paragraph ends with an opening mark (${excerpt(text, 10, true)}); the quoted words are elsewhere` : undefined;
}

/**
 * Double quotes without a partner, found by walking the “ ” in order: a ” with no “ open,
 * or a “ followed by another “ before its ”. Each is shown with its neighbours, so an
 * editor can find it; a cut in the extraction usually put the partner in another fragment.
 */
export function unbalancedQuotes(text: string): string | undefined {
  const chars = [...text];
  const around = (i: number): string => chars.slice(Math.max(0, i - 5), i + 6).join('');
  const spots: string[] = [];
  let open = -1;
  chars.forEach((ch, i) => {
    if (ch === '“') {
      if (open >= 0) spots.push(`“ without ” at ${around(open)}`);
      open = i;
    } else if (ch === '”') {
      if (open < 0) spots.push(`” without “ at ${around(i)}`);
      open = -1;
    }
  });
  if (open >= 0) spots.push(`“ without ” at ${around(open)}`);
  return spots.length ? `unmatched quotes: ${spots.join('; ')}` : undefined;
}

/** A half-width full stop between Han characters: a typo for ， or 。 that is not ours to guess. */
export function strayPeriod(text: string): string | undefined {
  const m = /\p{Script=Han}\.\p{Script=Han}/u.exec(text);
  return m ? `half-width “.” between Han characters (${m[0]}); left as is` : undefined;
}

export interface Finding {
  message: string;
  /** Which raw line the finding is about: the paragraph's first or last. */
  at: 'start' | 'end';
}

/** Every check for one body paragraph, in a fixed order. */
export function checkParagraph(text: string): Finding[] {
  const found: Array<[string | undefined, Finding['at']]> = [
    [endsMidSentence(text), 'end'],
    [endsWithOpener(text), 'end'],
    [startsMidSentence(text), 'start'],
    [unbalancedQuotes(text), 'start'],
    [strayPeriod(text), 'start'],
  ];
  return found.flatMap(([message, at]) => (message ? [{ message, at }] : []));
}
