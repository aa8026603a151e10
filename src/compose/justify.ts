import type { PlacedGlyph } from '../model/line.js';
import type { Unit } from './items.js';

/** A line set: glyphs placed, and the right edge of its last visible advance. */
export interface SetLine {
  glyphs: PlacedGlyph[];
  width: number;
}

/**
 * Places units a..b on a line that starts at `x0` and has `measure` pt available from there. The
 * units' glyph records are moved into place and become the line's: set each unit once.
 * `justify`: fill the measure exactly — too long: hang, then compress punctuation (先挤进);
 * too short: Han–Latin gaps and word spaces first (up to ½ em), then the rest in equal shares
 * between characters (clreq `#procedures_for_inter-character_space_expansion`), never inside
 * `——`/`……` or Latin words. Otherwise the line keeps its natural width (compressed only if too long).
 */
export function setLine(units: readonly Unit[], a: number, b: number, x0: number, measure: number, justify: boolean): SetLine {
  const extra = new Float64Array(b - a + 1);
  let natural = 0;
  for (let i = a; i <= b; i++) {
    const u = units[i]!;
    natural += u.width + (i < b ? u.gap : 0);
  }
  natural -= units[a]!.startTrim + units[b]!.endTrim;
  let hang = 0;
  const diff = measure - natural;
  if (diff < -1e-9) {
    let need = -diff;
    hang = Math.min(need, units[b]!.endShrink);
    need -= hang;
    let shrink = 0;
    for (let i = a; i < b; i++) shrink += units[i]!.shrink;
    if (shrink > 0 && need > 0) {
      const r = Math.min(1, need / shrink);
      for (let i = a; i < b; i++) extra[i - a] = -units[i]!.shrink * r;
    }
  } else if (justify && diff > 1e-9) {
    let rest = diff;
    let first = 0;
    let evens = 0;
    for (let i = a; i < b; i++) {
      first += units[i]!.firstStretch;
      if (units[i]!.even) evens++;
    }
    if (first > 0) {
      const r = Math.min(1, rest / first);
      for (let i = a; i < b; i++) extra[i - a] = units[i]!.firstStretch * r;
      rest -= first * r;
    }
    if (rest > 1e-9) {
      if (evens > 0) {
        const share = rest / evens;
        for (let i = a; i < b; i++) if (units[i]!.even) extra[i - a] = extra[i - a]! + share;
      } else {
        // No gap between characters on this line (a run of Latin words): word spaces and Han–Latin gaps
        // take the rest beyond their limit, together with a hair between letters (LATIN_LETTER_STRETCH_EM).
        let share = 0;
        for (let i = a; i < b; i++) share += units[i]!.firstStretch + units[i]!.letterStretch;
        if (share > 0) {
          for (let i = a; i < b; i++) extra[i - a] = extra[i - a]! + (rest * (units[i]!.firstStretch + units[i]!.letterStretch)) / share;
        }
      }
    }
  }
  // The line's own array, sized exactly (lines are kept: no growth slack).
  let count = 0;
  for (let i = a; i <= b; i++) count += units[i]!.glyphs.length;
  const glyphs = new Array<PlacedGlyph>(count);
  let at = 0;
  let x = x0;
  for (let i = a; i <= b; i++) {
    const u = units[i]!;
    const lead = i === a ? u.startTrim : 0;
    // Each unit is set on one line only, so its glyph records become the line's (one object per glyph, not two).
    for (let j = 0; j < u.glyphs.length; j++) {
      const g = u.glyphs[j]!;
      g.x = x + g.x - lead;
      glyphs[at++] = g;
    }
    x += u.width - lead;
    if (i < b) x += u.gap + extra[i - a]!;
  }
  x -= units[b]!.endTrim;
  return { glyphs, width: x };
}

/** Moves a line's glyphs right by `dx` (centred or end-aligned lines). */
export function shiftLine(line: SetLine, dx: number): SetLine {
  if (dx === 0) return line;
  return { glyphs: line.glyphs.map((g) => ({ ...g, x: g.x + dx })), width: line.width + dx };
}
