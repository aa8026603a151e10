import { join } from 'node:path';
import { readArticles } from './ingest/index.js';
import { loadFontBook } from './font/book.js';
import { createComposer } from './compose/index.js';
import { loadTemplates } from './template/index.js';
import { layoutBooklet } from './layout/index.js';
import { renderPdf, imposeBooklet } from './render/index.js';
import type { Booklet, Diagnostic } from './model/index.js';
import { writeAtomic } from './util/atomic.js';

export interface BuildOptions {
  /** Folder of raw copy (`*.txt`) and editors' copies (`*.md`). */
  seeds: string;
  /** Output folder for the PDFs. */
  out: string;
  templates: string;
  fonts: string;
  /** Issue date (yyyy-mm-dd) printed on the pages and used as the PDF dates; default from templates/booklet.yaml. */
  date?: string;
  /** Also write the 2-up imposed press sheets. */
  impose?: boolean;
  /** A CMYK ICC profile for the press edition's output intent. */
  icc?: string;
}

export interface BuildResult {
  files: string[];
  pages: number;
  diagnostics: Diagnostic[];
  /** Milliseconds per step, in pipeline order. */
  timings: Record<string, number>;
  booklet: Booklet;
}

/**
 * The whole pipeline. Every step produces plain data for the next; the PDFs are written only
 * once all of them succeeded, each by an atomic rename, so a failed build leaves dist/ as it was.
 */
export async function build(opts: BuildOptions): Promise<BuildResult> {
  const diagnostics: Diagnostic[] = [];
  const report = (d: Diagnostic) => void diagnostics.push(d);
  const timings: Record<string, number> = {};
  const step = <T>(name: string, f: () => T): T => {
    const t0 = performance.now();
    const r = f();
    timings[name] = (timings[name] ?? 0) + performance.now() - t0;
    return r;
  };

  // Raw copy and editors' Markdown → articles (blocks in reading order).
  const articles = step('ingest', () => readArticles(opts.seeds, report));
  // Page templates and named styles → validated page descriptions.
  const templates = step('templates', () => loadTemplates(opts.templates));
  // Font files → parsed faces (once per process).
  const fonts = step('fonts', () => loadFontBook(opts.fonts));
  // Every paragraph composed into lines, flowed into columns and pages.
  const composer = createComposer(fonts, report);
  const booklet = step('layout', () =>
    layoutBooklet(articles, templates, composer, { seedsDir: opts.seeds, ...(opts.date ? { date: opts.date } : {}), report }),
  );
  // Pages → the distribution PDF (RGB, tagged, outline) and the press PDF (CMYK, bleed, marks).
  const creationDate = new Date(`${booklet.meta.date}T00:00:00Z`);
  const t0 = performance.now();
  const screen = await renderPdf(booklet, fonts, { edition: 'screen', creationDate, report });
  const print = await renderPdf(booklet, fonts, { edition: 'print', creationDate, report, ...(opts.icc ? { iccProfile: opts.icc } : {}) });
  const imposed = opts.impose ? await imposeBooklet(print) : undefined;
  timings.render = performance.now() - t0;

  const files = [join(opts.out, 'supplement.pdf'), join(opts.out, 'supplement-print.pdf')];
  writeAtomic(files[0]!, screen);
  writeAtomic(files[1]!, print);
  if (imposed) {
    files.push(join(opts.out, 'supplement-imposed.pdf'));
    writeAtomic(files[2]!, imposed);
  }
  return { files, pages: booklet.pages.length, diagnostics, timings, booklet };
}
