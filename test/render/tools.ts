/** Reading rendered PDFs back with real tools (poppler, qpdf, mupdf). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tmpdir_ } from './fixtures.js';

let n = 0;
/** Writes bytes to a fresh temp file and returns its path. */
export function save(pdf: Uint8Array, name = 'out'): string {
  const file = join(tmpdir_(), `${name}-${n++}.pdf`);
  writeFileSync(file, pdf);
  return file;
}

/** The whole file with streams uncompressed (qpdf QDF), as latin1 text for grepping. */
export function qdf(file: string): string {
  const out = `${file}.qdf`;
  run('qpdf', ['--qdf', '--object-streams=disable', file, out]);
  return readFileSync(out, 'latin1');
}

/** Page content streams only, uncompressed, joined. */
export function contents(file: string, pages: number): string {
  const parts: string[] = [];
  const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=pages', file])) as { pages: { contents: string[] }[] };
  for (let p = 1; p <= pages; p++) {
    const refs = json.pages[p - 1]!.contents;
    for (const ref of refs) {
      const id = ref.split(' ')[0]!;
      parts.push(run('qpdf', [`--show-object=${id}`, '--filtered-stream-data', file]));
    }
  }
  return parts.join('\n');
}

export interface Char {
  c: string;
  x: number;
  y: number;
  font: string;
  color: string;
}

/** Characters of one page as MuPDF extracts them (origin x, baseline y from the page top). */
export function chars(file: string, pageNo: number): Char[] {
  const xml = run('mutool', ['draw', '-F', 'stext', '-o', '-', file, String(pageNo)]);
  const out: Char[] = [];
  let font = '';
  for (const m of xml.matchAll(/<font name="([^"]*)"|<char [^>]*x="([-\d.]+)" y="([-\d.]+)" color="([^"]*)" c="([^"]*)"/g)) {
    if (m[1] !== undefined) {
      font = m[1];
      continue;
    }
    const c = m[5]!.replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
    out.push({ c, x: Number(m[2]), y: Number(m[3]), font, color: m[4]! });
  }
  return out;
}

/** `pdfinfo -box` of all pages, as text. */
export const pdfinfo = (file: string): string => run('pdfinfo', ['-box', '-f', '1', '-l', '999', file]);

/** Parses an XML string with Python's expat; throws with the parser's message if malformed. */
export function assertWellFormedXml(xml: string): void {
  const file = join(tmpdir_(), `xmp-${n++}.xml`);
  writeFileSync(file, xml);
  run('python3', ['-c', 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])', file]);
}

/** The XMP packet of a PDF (the Metadata stream is uncompressed). */
export function xmp(pdf: Uint8Array): string {
  const s = Buffer.from(pdf).toString('utf8');
  const start = s.indexOf('<?xpacket begin');
  const end = s.indexOf('<?xpacket end="w"?>');
  if (start < 0 || end < 0) throw new Error('no XMP packet');
  return s.slice(start, end + '<?xpacket end="w"?>'.length);
}
