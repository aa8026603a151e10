import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FontBook } from '../../src/font/book.js';
import { loadFontBook } from '../../src/font/book.js';
import { faceFor, faceHas } from '../../src/font/coverage.js';

const fonts = loadFontBook(join(dirname(fileURLToPath(import.meta.url)), '../../fonts'));

describe('font coverage and fallback', () => {
  it('uses the style face when it has the character', () => {
    expect(faceHas(fonts, 'serif', '北'.codePointAt(0)!)).toBe(true);
    expect(faceFor(fonts, 'serif-bold', '北'.codePointAt(0)!)).toBe('serif-bold');
  });

  it('returns undefined when no face has it', () => {
    expect(faceFor(fonts, 'serif', 0x1f600)).toBeUndefined();
  });

  it('tries fallbacks in order for characters the face lacks', () => {
    // A book whose primary face pretends to lack everything: the first fallback wins.
    const serif = fonts.get('serif');
    const empty = { ...serif, id: 'empty', font: { ...serif.font, hasGlyphForCodePoint: () => false } as unknown as typeof serif.font };
    const book: FontBook = { ids: ['empty', 'sans', 'serif'], fallbacks: ['sans', 'serif'], has: (id) => id !== 'x', get: (id) => (id === 'empty' ? empty : fonts.get(id)) };
    expect(faceFor(book, 'empty', '北'.codePointAt(0)!)).toBe('sans');
  });
});
