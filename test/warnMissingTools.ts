import { missingPdfTools } from './pdfTools.js';

/** vitest globalSetup: one warning before the run when the PDF-reading tests cannot run here. */
export default function setup(): void {
  if (missingPdfTools.length === 0) return;
  process.stderr.write(
    `\n!! PDF read-back tests are SKIPPED: missing ${missingPdfTools.join(', ')}.\n` +
      '!! Install them with: apt-get install -y poppler-utils qpdf mupdf-tools ghostscript\n\n',
  );
}
