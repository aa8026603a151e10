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
    const clause = /^([^，。、；：！？“《（]*)[，。；]/u.exec(text)?.[1];
    if (clause !== undefined && hanCount(clause) <= 3 && [...clause].every(isHan) && !OPENERS.has(clause)) {
      why = `opens with the short clause “${clause}”`;
    }
  }
  return why && `paragraph may start mid-sentence (${excerpt(text, 10, false)}): ${why}; its head may be elsewhere`;
}

/** ASCII double quotes left after curling, or an odd number of curly ones. */
export function unbalancedQuotes(text: string): string | undefined {
  const open = text.split('“').length - 1;
  const close = text.split('”').length - 1;
  if (open === close) return undefined;
  return `unbalanced quotes (${open} “ and ${close} ”) in (${excerpt(text, 12, false)})`;
}

/** A half-width full stop between Han characters: a typo for ， or 。 that is not ours to guess. */
export function strayPeriod(text: string): string | undefined {
  const m = /\p{Script=Han}\.\p{Script=Han}/u.exec(text);
  return m ? `half-width “.” between Han characters (${m[0]}); left as is` : undefined;
}

/** Every check for one body paragraph, in a fixed order. */
export function checkParagraph(text: string): string[] {
  return [endsMidSentence(text), startsMidSentence(text), unbalancedQuotes(text), strayPeriod(text)].filter(
    (m): m is string => m !== undefined,
  );
}
