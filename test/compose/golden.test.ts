import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/model/line.js';
import { body, composer } from './helpers.js';

const here = dirname(fileURLToPath(import.meta.url));
const goldenDir = join(here, 'golden');
const seeds = join(here, '../../seeds');

/** Paragraph `index` of a hard-wrapped seed (blank line or leading space starts a paragraph). */
function seedParagraph(file: string, index: number): string {
  const paras: string[] = [];
  let cur = '';
  for (const line of readFileSync(join(seeds, file), 'utf8').split('\n')) {
    if (line.trim() === '' || /^[\s\u3000]/.test(line)) {
      if (cur) paras.push(cur);
      cur = line.trim();
    } else cur += line.trim();
  }
  if (cur) paras.push(cur);
  return paras[index]!;
}

/** One line per composed line: flags and width, then `gid:advance@x` per glyph (pt, 2 decimals). */
function dump(text: string, lines: Line[]): string {
  const f = (v: number): string => v.toFixed(2);
  return lines
    .map((l) => {
      const head = `${l.last ? 'L' : '-'} w=${f(l.width)} ${JSON.stringify(text.slice(l.start, l.end))}`;
      const glyphs = l.glyphs.map((g) => `${g.face === body.face ? '' : `${g.face}/`}${g.gid}:${f(g.advance)}@${f(g.x)}`).join(' ');
      return `${head}\n  ${glyphs}`;
    })
    .join('\n') + '\n';
}

const cases = [
  { name: 'seed000-p1-13em', file: '000_9257eeee12e3f07e.txt', para: 1, ems: 13 },
  { name: 'seed001-p5-17em', file: '001_aec457166e9995d5.txt', para: 5, ems: 17 },
  { name: 'seed001-p35-15em', file: '001_aec457166e9995d5.txt', para: 35, ems: 15 },
];

describe('golden dumps of seed paragraphs (UPDATE=1 to regenerate)', () => {
  it.each(cases)('$name', ({ name, file, para, ems }) => {
    const text = seedParagraph(file, para);
    const out = dump(text, composer.compose({ text, style: body, measure: ems * body.size }));
    const path = join(goldenDir, `${name}.txt`);
    if (process.env.UPDATE === '1' || !existsSync(path)) {
      mkdirSync(goldenDir, { recursive: true });
      writeFileSync(path, out);
    }
    expect(out).toBe(readFileSync(path, 'utf8'));
  });
});
