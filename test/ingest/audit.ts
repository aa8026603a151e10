/**
 * The print audit's way of cutting copy into checkable pieces (its `normalize` and
 * `pieces`), ported so that ingest tests can ask the same question without the tool:
 * is every sentence and every raw line of ≥ 6 Han of the source in the output text?
 * Keep in step with the audit: ASCII ,;:?!() count as their full-width forms; spaces
 * and every quote mark are ignored; a piece ends at 。！？； and at the raw line's end.
 */

const FULLWIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** The audit's Han test (URO, Ext A, compatibility ideographs). */
const isHan = (ch: string): boolean => (ch >= '\u3400' && ch <= '\u9fff') || (ch >= '\uf900' && ch <= '\ufaff');

export function auditNormalize(s: string): string {
  const wide = [...s].map((ch) => FULLWIDTH[ch] ?? ch).join('').replace(/\u22ef/g, '\u2026').replace(/\u2013/g, '-');
  return wide.replace(/[\s\u3000"'“”‘’「」『』]+/gu, '');
}

/** Pieces of raw copy (a `.txt`): heading marks dropped, split at sentence ends and line ends, ≥ 6 Han each. */
export function pieces(source: string): string[] {
  const out: string[] = [];
  for (const line of source.replace(/^#+\s*/gmu, '').split(/\r\n|\r|\n/u)) {
    out.push(...auditNormalize(line).split(/(?<=[。！？；])/u));
  }
  return out.filter((p) => [...p].filter(isHan).length >= 6);
}

/**
 * Pieces of `source` not found in `text`, allowing one interruption as the audit does
 * (page or column furniture between two halves, each at least 4 characters long).
 */
export function missingPieces(source: string, text: string): string[] {
  const hay = auditNormalize(text);
  return pieces(source).filter((p) => {
    if (hay.includes(p)) return false;
    for (let cut = 4; cut < p.length - 3; cut++) if (hay.includes(p.slice(0, cut)) && hay.includes(p.slice(cut))) return false;
    return true;
  });
}
