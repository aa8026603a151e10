/**
 * Proofs for editors: one PNG per page and a contact sheet of all pages, rasterised by poppler's
 * `pdftoppm`. The contact sheet is built as a one-page PDF (every page embedded as vector art in
 * a grid with pdf-lib) and rasterised like the pages, so no image library is needed.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { InputError } from '../model/source.js';
import { importPackage } from '../util/imports.js';

const run = promisify(execFile);

/** Resolution of page proofs; enough to judge the layout, small enough to open quickly. */
export const PROOF_DPI = 60;
const CONTACT_COLUMNS = 4;
const GAP = 12;

async function pdftoppm(args: string[], pdfPath: string): Promise<void> {
  try {
    await run('pdftoppm', args, { maxBuffer: 16 << 20 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    if (err.code === 'ENOENT') {
      throw new InputError('pdftoppm was not found: install poppler-utils (e.g. apt-get install poppler-utils) to make proofs');
    }
    throw new InputError(`pdftoppm failed: ${(err.stderr ?? err.message).trim()}`, { file: pdfPath, line: 0 });
  }
}

/** A one-page PDF with every page of `pdf` in a grid, for the contact sheet. */
export async function contactSheetPdf(pdf: Uint8Array): Promise<Uint8Array> {
  // Loaded here: a plain build never needs pdf-lib (~80 ms to import).
  const { PDFDocument, rgb } = await importPackage<typeof import('pdf-lib')>('pdf-lib');
  // updateMetadata: false, or pdf-lib stamps the source's ModDate with the clock.
  const src = await PDFDocument.load(pdf, { updateMetadata: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  const pages = await out.embedPages(src.getPages());
  const w = Math.max(...pages.map((p) => p.width));
  const h = Math.max(...pages.map((p) => p.height));
  const cols = Math.min(CONTACT_COLUMNS, Math.max(1, pages.length));
  const rows = Math.ceil(pages.length / cols);
  const sheet = out.addPage([cols * w + (cols + 1) * GAP, rows * h + (rows + 1) * GAP]);
  const H = sheet.getHeight();
  sheet.drawRectangle({ x: 0, y: 0, width: sheet.getWidth(), height: H, color: rgb(0.85, 0.85, 0.85) });
  pages.forEach((p, i) => {
    const x = GAP + (i % cols) * (w + GAP);
    const y = H - (GAP + Math.floor(i / cols) * (h + GAP)) - h;
    // White paper with a grey edge (pdf-lib fills black unless told otherwise).
    sheet.drawRectangle({ x, y, width: p.width, height: p.height, color: rgb(1, 1, 1), borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
    sheet.drawPage(p, { x, y });
  });
  return out.save();
}

/** Writes `page-NN.png` for every page and `contact.png` into outDir; returns their paths. */
export async function proofPages(pdfPath: string, outDir: string): Promise<string[]> {
  let pdf: Uint8Array;
  try {
    pdf = readFileSync(pdfPath);
  } catch (e) {
    throw new InputError(`cannot read the PDF to proof: ${(e as Error).message}`, { file: pdfPath, line: 0 });
  }
  mkdirSync(outDir, { recursive: true });
  // Proofs of a previous, longer booklet must not linger next to the new ones.
  for (const f of readdirSync(outDir)) if (/^(page-\d+|contact)\.png$/.test(f)) rmSync(join(outDir, f));

  await pdftoppm(['-r', String(PROOF_DPI), '-png', pdfPath, join(outDir, 'page')], pdfPath);
  const contactPdf = join(outDir, 'contact.pdf');
  writeFileSync(contactPdf, await contactSheetPdf(pdf));
  try {
    await pdftoppm(['-r', String(PROOF_DPI / 2), '-png', '-singlefile', contactPdf, join(outDir, 'contact')], pdfPath);
  } finally {
    rmSync(contactPdf, { force: true });
  }
  const pages = readdirSync(outDir)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return [...pages, 'contact.png'].map((f) => join(outDir, f));
}
