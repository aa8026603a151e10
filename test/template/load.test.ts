import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/template/index.js';
import { InputError } from '../../src/model/source.js';

const SHIPPED = fileURLToPath(new URL('../../templates', import.meta.url));

/** A copy of the shipped templates with one file edited. */
function variant(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-templates-'));
  cpSync(SHIPPED, dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

function errorOf(dir: string): InputError {
  try {
    loadTemplates(dir);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

const lineOf = (dir: string, file: string, needle: string): number =>
  readFileSync(join(dir, file), 'utf8').split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('loadTemplates', () => {
  it('loads the shipped templates into plain data', () => {
    const t = loadTemplates(SHIPPED);
    const f = t.pages.feature!;
    expect(f.kind).toBe('article');
    expect(f.grid).toMatchObject({ columns: 4, columnChars: 12, gutterChars: 2, lines: 46 });
    // Type area centred and a whole number of body ems wide.
    const em = t.styles.body!.size;
    expect(f.grid!.left * 2 + 54 * em).toBeCloseTo(f.width, 3);
    expect(t.styles.title!.size).toBeGreaterThanOrEqual(2 * em);
    expect(t.palette.text!.cmyk).toEqual([0, 0, 0, 100]);
    expect(f.chrome.some((c) => c.kind === 'text' && c.text.includes('{folio}'))).toBe(true);
    expect(JSON.parse(JSON.stringify(t.pages))).toEqual(t.pages);
  });

  it('reports bad YAML at the template file and line', () => {
    const dir = variant('pages/feature.hbs', (s) => s.replace('  columns: 4\n', '  columns: [4\n'));
    const e = errorOf(dir);
    expect(e.source!.file).toBe(join(dir, 'pages/feature.hbs'));
    expect(e.message).toMatch(/bad YAML/);
    expect(Math.abs(e.source!.line - lineOf(dir, 'pages/feature.hbs', 'columns: [4'))).toBeLessThanOrEqual(1);
  });

  it('reports a Handlebars syntax error at the template file and line', () => {
    const dir = variant('pages/feature.hbs', (s) => s.replace('  lines: 46\n', '  lines: {{add 40 6}\n'));
    const e = errorOf(dir);
    expect(e.source!.file).toBe(join(dir, 'pages/feature.hbs'));
    expect(e.message).toMatch(/template error/);
    expect(e.source!.line).toBe(lineOf(dir, 'pages/feature.hbs', '{{add 40 6}'));
  });

  it('reports a missing field at the block that lacks it', () => {
    const dir = variant('pages/feature.hbs', (s) => s.replace('  columnChars: 12\n', ''));
    const e = errorOf(dir);
    expect(e.message).toMatch(/grid\.columnChars: missing/);
    expect(e.source).toEqual({ file: join(dir, 'pages/feature.hbs'), line: lineOf(dir, 'pages/feature.hbs', 'grid:') + 1 });
  });

  it('reports an unknown style and an unknown token at their lines', () => {
    const dir = variant('pages/feature.hbs', (s) => s.replace('  captionStyle: caption', '  captionStyle: nosuch'));
    expect(errorOf(dir).format()).toBe(`${join(dir, 'pages/feature.hbs')}:${lineOf(dir, 'pages/feature.hbs', 'nosuch')}: figure.captionStyle: unknown style 'nosuch' (not in styles.yaml)`);
    const dir2 = variant('partials/running-head.hbs', (s) => s.replace('{district}', '{distrct}'));
    const e = errorOf(dir2);
    expect(e.message).toMatch(/unknown token \{distrct\}/);
    expect(e.source).toEqual({ file: join(dir2, 'partials/running-head.hbs'), line: lineOf(dir2, 'partials/running-head.hbs', '{distrct}') });
  });

  it('reports bad styles.yaml values and a non-black text colour', () => {
    const dir = variant('styles.yaml', (s) => s.replace('text:   { rgb: [0, 0, 0],       cmyk: [0, 0, 0, 100] }', 'text:   { rgb: [0, 0, 0],       cmyk: [60, 40, 40, 100] }'));
    const e = errorOf(dir);
    expect(e.message).toMatch(/0\/0\/0\/100/);
    expect(e.source).toEqual({ file: join(dir, 'styles.yaml'), line: lineOf(dir, 'styles.yaml', 'cmyk: [60, 40, 40, 100]') });
  });

  it('needs no code for a new template: a 3-column variant ships as data', () => {
    const t = loadTemplates(SHIPPED);
    expect(t.pages['feature-3col']!.grid!.columns).toBe(3);
  });
});
