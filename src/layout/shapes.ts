/**
 * The flow's units, each kind made in one place with every field present (the optional ones as
 * undefined) in one order. Flowing and balancing read these fields in thousands of trial fills;
 * units of one kind sharing one V8 hidden class keep that code optimised, where a unit met later
 * with a field more (a marker, a byline's rules, a figure's shrink) sent it back to slower code
 * and had it compiled again.
 */
import type { BlockUnit, TextUnit } from './types.js';

type TextUnitExtras = Pick<TextUnit, 'perLine' | 'whole' | 'keepWithPrev' | 'marker'>;

export function textUnit(lines: TextUnit['lines'], style: TextUnit['style'], role: TextUnit['role'], struct: string, source: TextUnit['source'], extras: TextUnitExtras = {}): TextUnit {
  return { kind: 'text', lines, style, role, struct, source, perLine: extras.perLine, whole: extras.whole ?? false, keepWithPrev: extras.keepWithPrev, marker: extras.marker };
}

export function blockUnit(u: Omit<BlockUnit, 'kind'>): BlockUnit {
  return { kind: 'block', variants: u.variants, float: u.float, shrink: u.shrink, keepNext: u.keepNext, struct: u.struct, source: u.source };
}
