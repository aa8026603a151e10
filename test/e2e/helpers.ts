import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');
export const bin = join(root, 'bin/banmian.js');

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `banmian-${prefix}-`));

/** Runs the banmian command as a user would; never throws. */
export function cli(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a PDF reading tool (poppler, qpdf, MuPDF) and returns its stdout. */
export function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Every character MuPDF sees, with its position and font, page by page. */
export interface StextChar {
  c: string;
  x: number;
  y: number;
  font: string;
  size: number;
}
export function stext(pdf: string): StextChar[][] {
  const xml = tool('mutool', ['draw', '-q', '-F', 'stext', '-o', '-', pdf]);
  const pages: StextChar[][] = [];
  for (const page of xml.split('<page ').slice(1)) {
    const chars: StextChar[] = [];
    for (const fontBlock of page.split('<font ').slice(1)) {
      const name = /name="([^"]*)"/.exec(fontBlock)?.[1] ?? '';
      const size = Number(/size="([^"]*)"/.exec(fontBlock)?.[1] ?? 0);
      for (const m of fontBlock.matchAll(/<char quad="([^"]*)" x="([^"]*)" y="([^"]*)"[^>]* c="([^"]*)"/g)) {
        chars.push({ c: decode(m[4]!), x: Number(m[2]), y: Number(m[3]), font: name, size });
      }
    }
    pages.push(chars);
  }
  return pages;
}

const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
