/**
 * Printer spreads for saddle stitching: each A3 landscape sheet side carries two pages, the
 * outermost pair first (8|1, 2|7, 6|3, 4|5 for eight pages). Pages are cut at their TrimBox,
 * so the press PDF's bleed and marks do not land on the neighbouring page.
 */
import { PDFDocument } from 'pdf-lib';
import { mm } from '../model/units.js';

/** A3 landscape, in pt. */
export const A3_LANDSCAPE: [number, number] = [mm(420), mm(297)];

/** Page indices (0-based, `null` = blank) for each sheet side, left then right. */
export function saddleOrder(pageCount: number): [number | null, number | null][] {
  const n = Math.ceil(pageCount / 4) * 4;
  const at = (i: number) => (i < pageCount ? i : null);
  const sides: [number | null, number | null][] = [];
  for (let i = 0; i < n / 2; i++) {
    const outer = n - 1 - i;
    // Fronts carry the higher page on the left, backs on the right.
    sides.push(i % 2 === 0 ? [at(outer), at(i)] : [at(i), at(outer)]);
  }
  return sides;
}

export interface ImposeOptions {
  /** Sheet size in pt; default A3 landscape. */
  sheet?: [number, number];
}

/** Imposes a (press) PDF into 2-up spreads; pages meet at the sheet's centre line. */
export async function imposeBooklet(pdf: Uint8Array, opts: ImposeOptions = {}): Promise<Uint8Array> {
  const [sw, sh] = opts.sheet ?? A3_LANDSCAPE;
  const src = await PDFDocument.load(pdf);
  const out = await PDFDocument.create({ updateMetadata: false });
  // Fixed dates: imposing the same PDF twice gives the same bytes.
  const when = src.getCreationDate() ?? new Date(Date.UTC(2000, 0, 1));
  out.setCreationDate(when);
  out.setModificationDate(src.getModificationDate() ?? when);
  out.setProducer('banmian');
  out.setCreator('banmian');
  const title = src.getTitle();
  if (title) out.setTitle(title);

  const pages = src.getPages();
  const embedded = await Promise.all(
    pages.map((p) => {
      const t = p.getTrimBox();
      return out.embedPage(p, { left: t.x, bottom: t.y, right: t.x + t.width, top: t.y + t.height });
    }),
  );
  for (const [left, right] of saddleOrder(pages.length)) {
    const sheet = out.addPage([sw, sh]);
    const halves = [left, right].map((i) => (i === null ? null : embedded[i]!));
    // Scale down only if a page is larger than half the sheet.
    const w = Math.max(...halves.map((e) => e?.width ?? 0));
    const h = Math.max(...halves.map((e) => e?.height ?? 0));
    const scale = Math.min(1, sw / 2 / (w || 1), sh / (h || 1));
    halves.forEach((e, side) => {
      if (!e) return;
      const pw = e.width * scale;
      const ph = e.height * scale;
      sheet.drawPage(e, { x: side === 0 ? sw / 2 - pw : sw / 2, y: (sh - ph) / 2, width: pw, height: ph });
    });
  }
  return out.save({ useObjectStreams: false });
}
