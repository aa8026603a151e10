import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createComposer } from '../../src/compose/index.js';
import { loadFontBook } from '../../src/font/book.js';
import type { Diagnostic } from '../../src/model/source.js';
import type { TextStyle } from '../../src/model/style.js';

/** The project's fonts (npm Noto CJK), found relative to this file. */
export const fontsDir = join(dirname(fileURLToPath(import.meta.url)), '../../fonts');
export const fonts = loadFontBook(fontsDir);
export const reports: Diagnostic[] = [];
export const composer = createComposer(fonts, (d) => reports.push(d));

/** Body text: 10 pt serif, justified, 2-em indent, GB punctuation, ¼ em 中西间距. */
export const body: TextStyle = { face: 'serif', size: 10, leading: 16, color: 'text', align: 'justify', indent: 2, tracking: 0, punct: 'gb', hanging: false, cjkLatinSpace: 0.25 };

/** One line, start-aligned, no indent, wide measure: natural widths. */
export const solid: TextStyle = { ...body, align: 'start', indent: 0 };

/** Round to 1/100 pt for comparisons. */
export const r2 = (v: number): number => Math.round(v * 100) / 100;
