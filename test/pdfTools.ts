import { spawnSync } from 'node:child_process';

/**
 * Tests that read PDFs back use the tools a reader's software is built on (poppler, qpdf, MuPDF,
 * Ghostscript). CI installs them (.ci/run); on a machine without them those tests are skipped, and
 * test/warnMissingTools.ts says so loudly before the run, so a skip is never mistaken for a pass.
 */
export const PDF_TOOLS = ['mutool', 'pdftotext', 'pdffonts', 'pdfinfo', 'pdftoppm', 'qpdf', 'gs'];

export const missingPdfTools: string[] = PDF_TOOLS.filter((t) => spawnSync('sh', ['-c', `command -v ${t}`]).status !== 0);

export const hasPdfTools = missingPdfTools.length === 0;
