/**
 * One booklet → one PDF: sets up the PDFKit document for the edition, creates every page first
 * (so links and outline entries can point forward), draws the pages, then writes outline,
 * output intent and metadata.
 *
 * Determinism: no clock (dates come from options or the issue date), and the trailer /ID,
 * the `SourceDigest` Info key and the XMP document ID are a SHA-256 over everything that
 * decides the file: each page's content (by its own SHA-256), image and profile bytes, fonts,
 * metadata.
 *
 * Each page's content is written to PDFKit whole and already deflated; a page drawn exactly as in
 * the last document of its edition (watch mode) reuses that content and only replays its structure
 * and resources (pageMemo.ts).
 */
import { createHash } from 'node:crypto';
import type { FontBook } from '../font/book.js';
import type { PlacedGlyph } from '../model/line.js';
import type { Booklet } from '../model/page.js';
import type { Report } from '../model/source.js';
import { drawPage, tagPage, type DrawContext } from './draw.js';
import { createEdition, type EditionName } from './editions.js';
import { createImagePlacer } from './images.js';
import { createKitDocument } from './kit.js';
import { cropMarks } from './marks.js';
import { creationDate, infoEntries, useOwnXmp, xmpPacket } from './metadata.js';
import { outlineTree, writeOutline } from './outline.js';
import { addOutputIntent, readIccProfile } from './outputIntent.js';
import { packObjects } from './objectStreams.js';
import { deflateBest } from './deflate.js';
import { PageMemo, reusablePage } from './pageMemo.js';
import { documentKey, lastDocument, pageKey, pageStoreActive, savedDocument, savedPage, type GlyphsId, type KeptPage } from './pageStore.js';
import { GlyphWriter, glyphTexts, type GlyphTexts } from './pdfGlyphs.js';
import { createTagger } from './tagging.js';

export interface RenderOptions {
  edition: EditionName;
  /** CreationDate/ModDate; default: the booklet's issue date, else a fixed date. Never the clock. */
  creationDate?: Date;
  /** Content ids of composed glyph arrays (the line cache's), for keeping pages in `.cache/` (pageStore.ts). */
  glyphsId?: GlyphsId;
  /** Counts pages drawn afresh and pages whose content was reused (from this process or `.cache/`). */
  counts?: { drawn: number; reused: number };
  /** Path of the print shop's CMYK .icc profile (print edition: embedded as the PDF/X output intent). */
  iccProfile?: string;
  report?: Report;
}

const ignore: Report = () => undefined;

export async function renderPdf(booklet: Booklet, fonts: FontBook, opts: RenderOptions): Promise<Uint8Array> {
  const report = opts.report ?? ignore;
  const edition = createEdition(opts.edition, booklet.palette, report);
  const print = edition.name === 'print';
  const icc = print && opts.iccProfile ? readIccProfile(opts.iccProfile) : null;
  if (print && !icc) {
    report({ level: 'warning', message: 'no CMYK output profile given (iccProfile): the print PDF has no output intent, so it is not PDF/X' });
  }
  const date = creationDate(booklet.meta, opts.creationDate);
  const first = booklet.pages[0];

  const doc = createKitDocument({
    autoFirstPage: false,
    bufferPages: true,
    margin: 0,
    size: first ? edition.media(first) : [595.28, 841.89],
    pdfVersion: edition.pdfVersion,
    tagged: edition.tagged,
    lang: booklet.meta.lang || 'zh-CN',
    displayTitle: true,
    // No default Helvetica: every glyph comes from the font book.
    font: null,
    info: infoEntries(booklet.meta, date, icc !== null),
  });
  // PDFKit's _write turns each string it writes into bytes with a JavaScript loop, then pushes the
  // bytes through its readable stream: thousands of small pieces per document. They are kept as
  // they come (strings of byte values, or bytes) and joined once; the stream only reports its end.
  const chunks: (string | Uint8Array)[] = [];
  // What PDFKit wrote while constructing the document (the header) waits in the stream's buffer.
  const head = doc.read();
  if (head) chunks.push(head);
  doc._write = (data: string | Uint8Array) => {
    const piece = data instanceof Uint8Array ? data : `${data}\n`;
    chunks.push(piece);
    doc._offset += piece.length;
  };
  doc.resume();
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const hash = createHash('sha256');
  hash.update(JSON.stringify({ edition: edition.name, meta: booklet.meta, palette: booklet.palette, date: date.getTime() }));
  if (icc) hash.update(icc.bytes);

  const pageRefs: unknown[] = [];
  for (const page of booklet.pages) {
    doc.addPage({ size: edition.media(page), margin: 0 });
    Object.assign(doc.page.dictionary.data, edition.boxes(page));
    // Tab order follows the structure tree, as tagged PDF asks.
    if (edition.tagged) doc.page.dictionary.data.Tabs = 'S';
    pageRefs.push(doc.page.dictionary);
  }

  let overprint: unknown = null;
  if (print) {
    const gs = doc.ref({ Type: 'ExtGState', OP: true, op: true, OPM: 1 });
    gs.end();
    overprint = gs;
  }
  const glyphs = new GlyphWriter(doc, fonts);
  let texts = glyphTextsOf.get(booklet);
  if (!texts) glyphTextsOf.set(booklet, (texts = glyphTexts(textRuns(booklet))));
  glyphs.preload(texts);
  const subsets = glyphs.prepareSubsets();
  // The current page's content, as strings: ours (ctx.write) and PDFKit's own (marked-content
  // operators, images), which all pass through addContent, in the order they were written.
  const pageText: string[] = [];
  doc.addContent = (data: string | Uint8Array) => {
    pageText.push(typeof data === 'string' ? data : Buffer.from(data).toString('latin1'));
    return doc;
  };
  const tagger = createTagger(doc, edition.tagged);
  const ctx: DrawContext = {
    doc,
    edition,
    glyphs,
    tagger,
    images: createImagePlacer(doc, edition.name, report, (b) => hash.update(b)),
    write(s) {
      pageText.push(s);
    },
    pageRefs,
    overprint,
    report,
  };

  // Pages drawn exactly as in the last document of this edition keep their content (pageMemo.ts).
  pageMemo.begin(edition.name);
  const context = glyphs.glyphNumbering ? `${edition.name}\u0000${JSON.stringify(booklet.palette)}\u0000${glyphs.glyphNumbering}` : '';
  // Pages kept by an earlier process (pageStore.ts), for the pages this one has not drawn before.
  const glyphsId = opts.glyphsId;
  // Worked out when the store holds a document of this edition, or when the cache is written.
  const numbering = glyphsId && pageStoreActive() ? glyphs.numberingContent() : null;
  const docKey = numbering ? () => documentKey(edition.name, booklet.palette, numbering()) : null;
  // Pages are named (hashed) here only when the store holds this very document; otherwise on saving.
  const stored = docKey ? savedDocument(edition.name, docKey) : null;
  const kept: KeptPage[] = [];
  booklet.pages.forEach((page, i) => {
    doc.switchToPage(i);
    // PDFKit keeps one CTM for the document; annotations convert their rect through it.
    doc._ctm = [1, 0, 0, -1, 0, doc.page.height];
    const kitPage = doc.page;
    const memo = context ? pageMemo.find(edition.name, context, page, i) : undefined;
    const pkey = !memo && stored && reusablePage(page) ? (pageKey(page, glyphsId!) ?? undefined) : undefined;
    const known = memo ?? (pkey ? savedPage(stored!, pkey) : undefined);
    let deflated: Buffer;
    let digest: Buffer;
    if (opts.counts) opts.counts[known ? 'reused' : 'drawn']++;
    if (known) {
      tagPage(ctx, page);
      if (print) tagger.artifact(() => undefined);
      for (const name of known.fonts) kitPage.fonts[name] = glyphs.fontRef(name);
      for (const name of known.gstates) kitPage.ext_gstates[name] = overprint;
      ({ deflated, digest } = known);
      const content = { ...known, ops: page.ops.slice(), width: page.width, height: page.height, index: i, context };
      if (context) pageMemo.keep(edition.name, content);
      kept.push({ page, content, ...(pkey ? { key: pkey } : {}) });
    } else {
      const alternates = glyphs.alternateRuns;
      drawPage(ctx, page);
      if (print) tagger.artifact(() => ctx.write(cropMarks(page)));
      // One string per page, after what PDFKit wrote when it added the page (its y-flip).
      const bytes = Buffer.concat([...kitPage.content.buffer, Buffer.from(`${pageText.join('\n')}\n`, 'latin1')]);
      deflated = deflateBest(bytes);
      digest = createHash('sha256').update(bytes).digest();
      if (context && glyphs.alternateRuns === alternates && reusablePage(page)) {
        const used = (entry: unknown) => Object.keys((entry ?? {}) as object);
        const { Font, ExtGState } = kitPage.resources.data;
        const content = { ops: page.ops.slice(), width: page.width, height: page.height, index: i, context, deflated, digest, fonts: used(Font), gstates: used(ExtGState) };
        pageMemo.keep(edition.name, content);
        kept.push({ page, content, ...(pkey ? { key: pkey } : {}) });
      }
    }
    pageText.length = 0;
    hash.update(`\npage ${i} ${page.width} ${page.height}\n`);
    hash.update(digest);
    // The page's whole content, deflated here (a reused page's is kept deflated): PDFKit writes it as it is.
    const content = kitPage.content;
    content.buffer = [];
    content.data.Length = 0;
    content.compress = false;
    content.data.Filter = 'FlateDecode';
    content.write(deflated);
  });
  pageMemo.finish(edition.name);
  if (docKey) lastDocument(edition.name, docKey, kept, glyphsId!);

  writeOutline(
    doc,
    outlineTree(booklet.pages, pageRefs, (i, y) => edition.media(booklet.pages[i]!)[1] - edition.offset - y),
  );
  if (icc) addOutputIntent(doc, icc);

  hash.update(glyphs.identity());
  const digest = hash.digest();
  const hex = digest.toString('hex');
  doc.info.SourceDigest = hex;
  doc._id = new Uint8Array(digest.subarray(0, 16));
  useOwnXmp(doc, () => xmpPacket({ meta: booklet.meta, date, pdfx: icc !== null, digest: hex }));
  tagger.end();
  await subsets;
  doc.end();
  await done;
  // The screen edition (PDF 1.7) packs its dictionaries into object streams; the press file stays classic.
  return print ? concat(chunks) : packObjects(concat(chunks));
}

/** Page content of the last document of each edition, for the next (watch rebuilds). */
const pageMemo = new PageMemo();

/** The glyphs of a booklet, computed once for both editions. */
const glyphTextsOf = new WeakMap<Booklet, GlyphTexts>();

function* textRuns(booklet: Booklet): Iterable<readonly PlacedGlyph[]> {
  for (const page of booklet.pages) for (const op of page.ops) if (op.op === 'text') yield op.glyphs;
}

/** The pieces as one file; a string holds byte values (latin1), as PDFKit writes them. */
function concat(chunks: readonly (string | Uint8Array)[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = Buffer.allocUnsafe(n);
  let at = 0;
  for (const c of chunks) {
    if (typeof c === 'string') at += out.write(c, at, 'latin1');
    else {
      out.set(c, at);
      at += c.length;
    }
  }
  return out;
}
