import { describe, expect, it } from 'vitest';
import type { DrawOp, Page } from '../../src/model/page.js';
import { PageMemo, reusablePage, type PageContent } from '../../src/render/pageMemo.js';

const glyphs = [{ face: 'serif', gid: 5, x: 0, dy: 0, text: '中' }];
const text = (y: number, g = glyphs): DrawOp => ({ op: 'text', x: 10, y, size: 9.5, color: 'ink', glyphs: g as never, role: 'P', struct: 'p1' });
const page = (ops: DrawOp[]): Page => ({ width: 595, height: 842, kind: 'article', folio: 3, ops, bookmarks: [] });
const content = (p: Page, context = 'screen|x'): PageContent => ({ ops: p.ops.slice(), width: p.width, height: p.height, index: 0, context, deflated: Buffer.from('BT ET'), digest: Buffer.alloc(32), fonts: ['F1'], gstates: [] });

describe('page content memo', () => {
  it('finds a page drawn with the same ops (glyph arrays by reference) in the same document context', () => {
    const memo = new PageMemo();
    const a = page([text(100), { op: 'rule', x1: 0, y1: 0, x2: 10, y2: 0, width: 0.5, color: 'ink' }]);
    memo.begin('screen');
    memo.keep('screen', content(a));
    memo.finish('screen');
    // New op objects with equal fields and the same glyph array: a running head made again.
    const again = page([text(100), { op: 'rule', x1: 0, y1: 0, x2: 10, y2: 0, width: 0.5, color: 'ink' }]);
    expect(memo.find('screen', 'screen|x', again, 0)?.deflated.toString()).toBe('BT ET');
    // A page that moved (an article before it gained a page) is found at its new index too.
    expect(memo.find('screen', 'screen|x', again, 5)?.deflated.toString()).toBe('BT ET');
    expect(memo.find('screen', 'screen|y', again, 0)).toBeUndefined();
    expect(memo.find('print', 'screen|x', again, 0)).toBeUndefined();
    // Equal text drawn from another glyph array, a moved line, or one op more: drawn afresh.
    expect(memo.find('screen', 'screen|x', page([text(100, [...glyphs]), again.ops[1]!]), 0)).toBeUndefined();
    expect(memo.find('screen', 'screen|x', page([text(116), again.ops[1]!]), 0)).toBeUndefined();
    expect(memo.find('screen', 'screen|x', page([...again.ops, text(132)]), 0)).toBeUndefined();
    // The same ops on a page of another size (PDFKit's y-flip opens the stream): drawn afresh.
    expect(memo.find('screen', 'screen|x', { ...again, height: 800 }, 0)).toBeUndefined();
  });

  it('keeps only the pages of the last finished document; an unfinished one is dropped', () => {
    const memo = new PageMemo();
    const a = page([text(100)]);
    memo.begin('print');
    memo.keep('print', content(a, 'print|x'));
    memo.finish('print');
    memo.begin('print');
    memo.keep('print', content(page([text(200)]), 'print|x'));
    // That document failed before finishing; the next one keeps nothing and finishes.
    memo.begin('print');
    memo.finish('print');
    expect(memo.find('print', 'print|x', a, 0)).toBeUndefined();
  });

  it('never reuses pages with links or images', () => {
    expect(reusablePage(page([text(100)]))).toBe(true);
    expect(reusablePage(page([text(100), { op: 'link', x: 0, y: 0, width: 10, height: 10, page: 2 }]))).toBe(false);
    expect(reusablePage(page([{ op: 'image', file: '/x.jpg', x: 0, y: 0, width: 10, height: 10 }]))).toBe(false);
  });
});
