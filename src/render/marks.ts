/**
 * Crop marks for the print edition: in the slug, outside the bleed, so trimming never cuts
 * into them and they never touch the page. K100 hairlines, the usual 0.25 pt.
 */
import type { Page } from '../model/page.js';
import { BLEED, SLUG } from './editions.js';
import { num } from './num.js';

export const MARK_WIDTH = 0.25;

/** Content (in media space, y down from the media top) drawing the eight corner marks. */
export function cropMarks(page: Page): string {
  const off = BLEED + SLUG;
  const x0 = off;
  const y0 = off;
  const x1 = off + page.width;
  const y1 = off + page.height;
  // Each mark runs from the bleed edge outwards to the media edge minus a small margin.
  const near = BLEED;
  const far = off - 1;
  const segs: [number, number, number, number][] = [];
  for (const x of [x0, x1]) {
    const dir = x === x0 ? -1 : 1;
    for (const y of [y0, y1]) {
      const dy = y === y0 ? -1 : 1;
      segs.push([x + dir * near, y, x + dir * far, y]); // horizontal, on the trim line y
      segs.push([x, y + dy * near, x, y + dy * far]); // vertical, on the trim line x
    }
  }
  const path = segs.map(([a, b, c, d]) => `${num(a)} ${num(b)} m\n${num(c)} ${num(d)} l`).join('\n');
  return `q\n0 0 0 1 K\n${num(MARK_WIDTH)} w\n${path}\nS\nQ`;
}
