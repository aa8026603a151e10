/**
 * Composes every paragraph of seeds/ at several measures and prints timing and quality figures:
 * `npx vite-node test/compose/measure-seeds.ts`. A script, not a test: timings vary by machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createComposer } from '../../src/compose/index.js';
import { END_PROHIBITED, START_PROHIBITED } from '../../src/compose/classes.js';
import { loadFontBook } from '../../src/font/book.js';
import type { Line } from '../../src/model/line.js';
import type { TextStyle } from '../../src/model/style.js';
import { clearShapeCache } from '../../src/shape/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const seeds = join(root, 'seeds');

/** Seeds are hard-wrapped: a blank line or a line starting with a space ends a paragraph. */
export function seedParagraphs(file: string): string[] {
  const paras: string[] = [];
  let cur = '';
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || /^[\s\u3000]/.test(line)) {
      if (cur) paras.push(cur);
      cur = line.trim();
      continue;
    }
    cur += line.trim();
  }
  if (cur) paras.push(cur);
  return paras.filter((p) => p.length > 0);
}

const style: TextStyle = { face: 'serif', size: 9, leading: 15, color: 'text', align: 'justify', indent: 2, tracking: 0, punct: 'gb', hanging: false, cjkLatinSpace: 0.25 };
const fonts = loadFontBook(join(root, 'fonts'));
const paras = readdirSync(seeds).filter((f) => f.endsWith('.txt')).sort().flatMap((f) => seedParagraphs(join(seeds, f)));
const chars = paras.reduce((n, p) => n + p.length, 0);
const warnings: string[] = [];
const composer = createComposer(fonts, (d) => warnings.push(d.message));

function run(em: number): Line[][] {
  return paras.map((text) => composer.compose({ text, style, measure: em * style.size }));
}

// Warm up font tables (cmap, GSUB, GPOS decode) on one paragraph of each seed.
for (const p of paras.slice(0, 20)) composer.compose({ text: p, style, measure: 15 * style.size });
for (const em of [13, 15, 17, 20]) {
  clearShapeCache();
  let t = performance.now();
  const out = run(em);
  const cold = performance.now() - t;
  t = performance.now();
  run(em);
  const warm = performance.now() - t;
  const han = /\p{Script=Han}/u;
  let lines = 0, loose = 0, ragged = 0, orphans = 0, kinsoku = 0, overfull = 0;
  out.forEach((ls, pi) => {
    const text = paras[pi]!;
    ls.forEach((l) => {
      const s = text.slice(l.start, l.end);
      if (START_PROHIBITED.has(s[0]!) && l.start > 0) kinsoku++;
      if (END_PROHIBITED.has(s[s.length - 1]!) && !l.last) kinsoku++;
      if (l.width > l.measure + 0.01) overfull++;
      if (l.last) {
        if ([...s].filter((c) => han.test(c)).length === 1 && ls.length > 1) orphans++;
        return;
      }
      lines++;
      if (Math.abs(l.width - l.measure) > 0.01) ragged++;
      let sum = 0, n = 0;
      for (let i = 0; i + 1 < l.glyphs.length; i++) {
        const a = l.glyphs[i]!, b = l.glyphs[i + 1]!;
        if (han.test(a.text) && han.test(b.text)) { sum += b.x - (a.x + a.advance); n++; }
      }
      if (n > 0 && sum / n / style.size > 0.15 + 1e-6) loose++;
    });
  });
  process.stdout.write(`measure ${em} em: ${paras.length} paragraphs, ${chars} chars, cold ${cold.toFixed(0)} ms (shaping included), warm ${warm.toFixed(0)} ms; ` +
    `${lines} justified lines, loose(>0.15em) ${loose} (${((100 * loose) / lines).toFixed(2)}%), ragged ${ragged}, overfull ${overfull}, orphans ${orphans}, kinsoku ${kinsoku}\n`);
}
if (warnings.length) process.stdout.write(`warnings: ${[...new Set(warnings)].join('; ')}\n`);
