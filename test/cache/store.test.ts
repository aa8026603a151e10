import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flushStores, LineMemo, openStore } from '../../src/cache/index.js';
import type { Composer, Line } from '../../src/model/line.js';
import { body, fonts } from '../compose/helpers.js';
import { tempDir } from '../e2e/helpers.js';

describe('persistent cache store', () => {
  it('gives back what was stored under the same key and code version', () => {
    const s = openStore(tempDir('cache'), 'v1');
    s.set('k', 'payload');
    expect(s.get('k')?.toString()).toBe('payload');
    expect(s.get('other')).toBeUndefined();
  });

  it('writes entries when flushed, not when set, and reads its queued entries meanwhile', () => {
    const dir = tempDir('cache');
    const s = openStore(dir, 'v1');
    s.set('k', 'queued');
    expect(readdirSync(dir)).toEqual([]);
    expect(s.get('k')?.toString()).toBe('queued');
    flushStores();
    expect(readdirSync(dir)).toHaveLength(1);
    expect(openStore(dir, 'v1').get('k')?.toString()).toBe('queued');
  });

  it('ignores entries of another code version', () => {
    const dir = tempDir('cache');
    openStore(dir, 'v1').set('k', 'payload');
    expect(openStore(dir, 'v2').get('k')).toBeUndefined();
  });

  it('ignores a corrupt or truncated entry instead of trusting it', () => {
    const dir = tempDir('cache');
    const s = openStore(dir, 'v1');
    s.set('k', 'payload that will be damaged');
    flushStores();
    const file = join(dir, readdirSync(dir)[0]!);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 0xff;
    writeFileSync(file, bytes);
    expect(s.get('k')).toBeUndefined();
    writeFileSync(file, bytes.subarray(0, 20));
    expect(s.get('k')).toBeUndefined();
  });
});

describe('composed paragraphs by content', () => {
  const req = { text: '北碚区的每一所学校、每一名教师、每一个孩子。', style: body, measure: 120 };

  it('composes a paragraph once, and a fresh memo loads the same lines from the store', () => {
    let calls = 0;
    const fake: Composer = {
      compose: () => {
        calls++;
        return [{ glyphs: [{ face: 'serif', gid: 42, x: 0.1 + 0.2, dy: 0, advance: 9.5, text: '北' }], size: 9.5, measure: 120, width: 9.5, start: 0, end: 1, last: true }] satisfies Line[];
      },
    };
    const store = openStore(tempDir('cache'), 'v1');
    const a = new LineMemo('lines');
    const composer = a.wrap(fake, fonts);
    const first = composer.compose(req);
    expect(composer.compose(req)).toBe(first);
    expect(calls).toBe(1);
    a.save(store);

    const b = new LineMemo('lines');
    b.load(store);
    expect(b.wrap(fake, fonts).compose(req)).toEqual(first);
    expect(calls).toBe(1);
    // Another measure is another paragraph.
    b.wrap(fake, fonts).compose({ ...req, measure: 100 });
    expect(calls).toBe(2);
  });
});
