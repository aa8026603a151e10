/**
 * Printer spreads for saddle stitching: each A3 landscape sheet side carries two pages, the
 * outermost pair first (8|1, 2|7, 6|3, 4|5 for eight pages). Pages are cut at their TrimBox,
 * so the press PDF's bleed and marks do not land on the neighbouring page.
 *
 * pdf-lib's `embedPage` copies each page's resources separately, which puts a full copy of every
 * font subset into the file once per page (20 pages: ~8 MB). We copy all pages with one
 * `copyPages` call instead, so shared fonts stay shared, and wrap each page's content in a form
 * XObject ourselves.
 */
import type { PDFDocument as PDFDocumentT, PDFPage, PDFRef as PDFRefT } from 'pdf-lib';

/** pdf-lib costs ~80 ms to import; only imposition needs it, so it loads on first use. */
type PdfLib = typeof import('pdf-lib');
import { mm } from '../model/units.js';
import { importPackage } from '../util/imports.js';

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
  const lib = await importPackage<PdfLib>('pdf-lib');
  const { PDFDocument, PDFName, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState } = lib;
  // updateMetadata: false, or pdf-lib stamps the source's ModDate with the clock.
  const src = await PDFDocument.load(pdf, { updateMetadata: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  // Fixed dates: imposing the same PDF twice gives the same bytes.
  const when = src.getCreationDate() ?? new Date(Date.UTC(2000, 0, 1));
  out.setCreationDate(when);
  out.setModificationDate(src.getModificationDate() ?? when);
  out.setProducer('banmian');
  out.setCreator('banmian');
  const title = src.getTitle();
  if (title) out.setTitle(title);

  const copied = await out.copyPages(src, src.getPageIndices());
  const forms = copied.map((p) => pageForm(lib, out, p));
  for (const [left, right] of saddleOrder(copied.length)) {
    const sheet = out.addPage([sw, sh]);
    const halves = [left, right].map((i) => (i === null ? null : forms[i]!));
    // Scale down only if a page is larger than half the sheet.
    const w = Math.max(...halves.map((f) => f?.box[2] ?? 0));
    const h = Math.max(...halves.map((f) => f?.box[3] ?? 0));
    const scale = Math.min(1, sw / 2 / (w || 1), sh / (h || 1));
    halves.forEach((f, side) => {
      if (!f) return;
      const [x0, y0, pw, ph] = f.box;
      const x = side === 0 ? sw / 2 - pw * scale : sw / 2;
      const y = (sh - ph * scale) / 2;
      // Fixed names (pdf-lib's newXObject adds a random suffix, which would break byte-identical builds).
      const name = PDFName.of(`Pg${side}`);
      sheet.node.setXObject(name, f.ref);
      sheet.pushOperators(
        pushGraphicsState(),
        concatTransformationMatrix(scale, 0, 0, scale, x - x0 * scale, y - y0 * scale),
        drawObject(name),
        popGraphicsState(),
      );
    });
  }
  return out.save({ useObjectStreams: false });
}

/** A page as a form XObject clipped to its TrimBox: [x0, y0, width, height] of that box. */
function pageForm(lib: PdfLib, out: PDFDocumentT, page: PDFPage): { ref: PDFRefT; box: [number, number, number, number] } {
  const { PDFArray, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } = lib;
  const ctx = out.context;
  const t = page.getTrimBox();
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => ctx.lookup(r)) : [contents];
  const parts: Uint8Array[] = [];
  for (const s of streams) {
    if (s instanceof PDFRawStream) parts.push(decodePDFRawStream(s).decode(), new Uint8Array([10]));
  }
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
  const form = ctx.flateStream(bytes, {
    Type: 'XObject',
    Subtype: 'Form',
    BBox: [t.x, t.y, t.x + t.width, t.y + t.height],
    Resources: page.node.get(PDFName.of('Resources')),
  });
  // The copied page itself is not placed anywhere: drop it and its old content streams.
  const raw = page.node.get(PDFName.of('Contents'));
  for (const r of raw instanceof PDFArray ? raw.asArray() : [raw]) if (r instanceof PDFRef) ctx.delete(r);
  ctx.delete(page.ref);
  return { ref: ctx.register(form), box: [t.x, t.y, t.width, t.height] };
}
