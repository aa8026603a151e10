/**
 * Screen vs print: everything that differs between the two editions is decided here, so the
 * drawing code asks "what paint for this role?" and "where is the trim?" and never branches
 * on the edition itself.
 */
import type { Page } from '../model/page.js';
import type { Color } from '../model/style.js';
import type { Report } from '../model/source.js';
import { mm } from '../model/units.js';
import { num } from './num.js';

export type EditionName = 'screen' | 'print';

/** Bleed beyond the trim on every side (print edition). */
export const BLEED = mm(3);
/** Slug outside the bleed, where the crop marks go (print edition). */
export const SLUG = mm(10);

/** How one coloured thing is painted: operators to set the colour, and whether to overprint. */
export interface Paint {
  fill: string;
  stroke: string;
  /** Pure 100 % K in the print edition: text and rules overprint instead of knocking out. */
  overprint: boolean;
}

/** What a colour is used for: text and thin rules are held to 100 % K, areas are not. */
export type PaintUse = 'text' | 'line' | 'area';

export interface Edition {
  name: EditionName;
  /** Distance from the media box's top-left corner to the trim box's, in pt. */
  offset: number;
  pdfVersion: '1.6' | '1.7';
  tagged: boolean;
  links: boolean;
  /** Media size for a page with this trim. */
  media(page: Page): [number, number];
  /** Extra page boxes in PDF user space (origin bottom-left). */
  boxes(page: Page): Record<string, number[]>;
  paint(role: string, use: PaintUse): Paint;
}

const BLACK: Color = { rgb: [0, 0, 0], cmyk: [0, 0, 0, 100] };

const rgbOps = (c: Color): Paint => {
  const v = c.rgb.map((x) => num(x / 255)).join(' ');
  return { fill: `${v} rg`, stroke: `${v} RG`, overprint: false };
};

const cmykOps = (cmyk: readonly number[]): string => cmyk.map((x) => num(x / 100)).join(' ');

/** The policy of one edition for one booklet's palette; warnings go to `report` once per role. */
export function createEdition(name: EditionName, palette: Record<string, Color>, report: Report): Edition {
  const warned = new Set<string>();
  const warnOnce = (key: string, message: string) => {
    if (warned.has(key)) return;
    warned.add(key);
    report({ level: 'warning', message });
  };
  const colorOf = (role: string): Color => {
    const c = palette[role];
    if (c) return c;
    warnOnce(`missing:${role}`, `colour role '${role}' is not in the palette; drawn in black`);
    return BLACK;
  };
  const cache = new Map<string, Paint>();

  if (name === 'screen') {
    return {
      name,
      offset: 0,
      pdfVersion: '1.7',
      tagged: true,
      links: true,
      media: (p) => [p.width, p.height],
      // MediaBox = trim: nothing to add, and a TrimBox equal to it would only be noise.
      boxes: () => ({}),
      paint(role) {
        let p = cache.get(role);
        if (!p) cache.set(role, (p = rgbOps(colorOf(role))));
        return p;
      },
    };
  }

  const off = BLEED + SLUG;
  return {
    name,
    offset: off,
    pdfVersion: '1.6',
    tagged: false,
    links: false,
    media: (p) => [p.width + 2 * off, p.height + 2 * off],
    boxes: (p) => ({
      TrimBox: [off, off, off + p.width, off + p.height],
      BleedBox: [SLUG, SLUG, SLUG + p.width + 2 * BLEED, SLUG + p.height + 2 * BLEED],
    }),
    paint(role, use) {
      const key = `${role}\u0000${use}`;
      let p = cache.get(key);
      if (p) return p;
      let [c, m, y, k] = colorOf(role).cmyk;
      if (use !== 'area' && k >= 100 && c + m + y > 0) {
        // Rich black misregisters on small type and hairlines: press it as plain K.
        warnOnce(`rich:${role}`, `colour '${role}' is rich black (C${c} M${m} Y${y} K${k}); text and rules in it are printed as K100`);
        [c, m, y] = [0, 0, 0];
      }
      const v = cmykOps([c, m, y, k]);
      const pureBlack = c === 0 && m === 0 && y === 0 && k >= 100;
      p = { fill: `${v} k`, stroke: `${v} K`, overprint: pureBlack && use !== 'area' };
      cache.set(key, p);
      return p;
    },
  };
}
