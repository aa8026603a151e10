import type { FontBook } from '../font/book.js';
import { faceFor } from '../font/coverage.js';

/** A stretch of a paragraph set with one face and one script. */
export interface ShapeRunSpec {
  start: number;
  end: number;
  face: string;
  script: 'hani' | 'latn';
  /** No face has these characters: draw a placeholder (the text is kept). */
  missing: boolean;
}

/** Latin runs: ASCII and Latin-1/Extended letters, digits, punctuation and spaces (not `·`, which is Chinese here). */
function isLatinScript(cp: number): boolean {
  return cp < 0x2000 && cp !== 0xb7 && cp !== 0xd7 && cp !== 0xf7;
}

function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0xa0;
}

/**
 * Splits a paragraph into runs of one face and one script. Each character takes the style's face
 * if it has a glyph, else the first fallback face that does (fonts.json `fallbacks`); spaces
 * follow their neighbours so a Latin phrase stays one run.
 */
export function itemize(fonts: FontBook, primary: string, text: string): ShapeRunSpec[] {
  const runs: ShapeRunSpec[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    let face: string;
    let missing = false;
    if (isSpace(cp)) face = runs[runs.length - 1]?.face ?? primary;
    else {
      const f = faceFor(fonts, primary, cp);
      missing = f === undefined;
      face = f ?? primary;
    }
    const script = isLatinScript(cp) ? 'latn' : 'hani';
    const prev = runs[runs.length - 1];
    if (prev && prev.face === face && prev.missing === missing && (prev.script === script || isSpace(cp))) prev.end = i + len;
    else runs.push({ start: i, end: i + len, face, script, missing });
    i += len;
  }
  return runs;
}
