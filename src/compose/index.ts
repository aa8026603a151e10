import type { FontBook } from '../font/book.js';
import { primeGlyphRecords, type Composer, type ComposeRequest, type Line } from '../model/line.js';
import type { Report } from '../model/source.js';
import { shapeParagraph } from '../shape/index.js';
import { buildUnits } from './items.js';
import { breakLines, DEFAULT_BREAK_OPTIONS, type BreakOptions } from './knuthPlass.js';
import { breakOpportunities } from './opportunities.js';
import { setLine, shiftLine } from './justify.js';
import { breakDisplay, type DisplayUnit } from './display.js';
import { now } from '../util/clock.js';
import { primeComposition } from './prime.js';
import type { Unit } from './items.js';

export { breakLines, firstFit, LineMeasure, DEFAULT_BREAK_OPTIONS } from './knuthPlass.js';
export type { BreakItem, BreakLine, BreakOptions } from './knuthPlass.js';
export { breakOpportunities } from './opportunities.js';
export { buildUnits } from './items.js';
export type { Unit, UnitGlyph } from './items.js';
export { setLine } from './justify.js';
export { breakDisplay, phraseBoundaries, breaksInsideQuote } from './display.js';
export type { DisplayUnit, DisplayLine } from './display.js';
export { classOf, START_PROHIBITED, END_PROHIBITED } from './classes.js';
export type { CharClass } from './classes.js';

/** The paragraph composed after the rehearsal of composition (see `compose`). */
const PRIME_BEFORE = 3;

/** Options for the composer; every field has a declared default. */
export interface ComposerOptions {
  /** Line breaker settings for justified paragraphs. */
  breaking: Partial<BreakOptions>;
}

/** Milliseconds spent shaping, and composing the shaped text (breaks, units, lines), for the build's timings. */
export interface ComposeTimes {
  shaping: number;
  composing: number;
}

/**
 * Creates the composer layout uses: shapes (cached), finds breaks, chooses lines, positions glyphs.
 * `times`, when given, adds up where its time goes.
 */
export function createComposer(fonts: FontBook, report: Report, options: Partial<ComposerOptions> = {}, times?: ComposeTimes): Composer {
  primeGlyphRecords();
  const breaking = { ...DEFAULT_BREAK_OPTIONS, ...options.breaking };
  const warned = new Set<string>();
  let composed = 0;
  return {
    compose(req: ComposeRequest): Line[] {
      const { text, style, measure } = req;
      if (text.length === 0) return [];
      // The rehearsal (prime.ts) before the third paragraph: early enough that V8 has compiled nothing
      // yet, and a build that composes only an edited paragraph or two (the rest from the line
      // cache) never pays for it.
      if (++composed === PRIME_BEFORE) primeComposition();
      const t0 = times ? now() : 0;
      const shaped = shapeParagraph(fonts, style.face, text);
      const t1 = times ? now() : 0;
      for (const at of shaped.missing) {
        const ch = String.fromCodePoint(text.codePointAt(at)!);
        const where = req.source ? `${req.source.file}:${req.source.line}` : '';
        const key = `${where}\u0000${ch}`;
        if (warned.has(key)) continue;
        warned.add(key);
        report({
          level: 'warning',
          message: `no font has '${ch}' (U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}); drawn as 〓`,
          ...(req.source ? { source: req.source } : {}),
        });
      }
      const ends = shaped.clusters.map((c) => c.end);
      const breaks = breakOpportunities(text, ends);
      const units = buildUnits(text, shaped.clusters, style, breaks);
      const indent = style.indent * style.size;
      const justify = style.align === 'justify';
      // Display styles break at phrase boundaries (src/compose/display.ts); text styles by Knuth–Plass.
      const phrased = style.breaking === 'phrase' && !justify ? breakDisplay(displayUnits(text, units), [measure - indent, measure]) : null;
      const chosen = phrased ?? breakLines(units, [measure - indent, measure], { ...breaking, ragged: !justify });
      const lines = chosen.map((bl, i): Line => {
        const last = i === chosen.length - 1;
        const x0 = i === 0 ? indent : 0;
        let set = setLine(units, bl.start, bl.end, x0, measure - x0, justify && !last && !('ragged' in bl && bl.ragged));
        if (style.align === 'center') set = shiftLine(set, (measure - set.width) / 2);
        else if (style.align === 'end') set = shiftLine(set, measure - set.width);
        return {
          glyphs: set.glyphs,
          size: style.size,
          measure,
          width: set.width,
          start: units[bl.start]!.start,
          end: units[bl.end]!.end,
          last,
        };
      });
      if (times) {
        times.shaping += t1 - t0;
        times.composing += now() - t1;
      }
      return lines;
    },
  };
}

/** Compose units as the display breaker sees them: with their source text. */
function displayUnits(text: string, units: readonly Unit[]): DisplayUnit[] {
  return units.map((u) => ({ text: text.slice(u.start, u.end), width: u.width, gap: u.gap, startTrim: u.startTrim, endTrim: u.endTrim, penalty: u.penalty }));
}
