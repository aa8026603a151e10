import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import UnicodeTrie from 'unicode-trie';
import { describe, expect, it } from 'vitest';
import LazyTrie, { inflateTrie } from '../../scripts/shims/unicode-trie.js';

const require = createRequire(import.meta.url);

/** Every compressed table a package's build holds: its long base64 literals that inflate as tables do. */
function tablesOf(pkg: string): Uint8Array[] {
  const code = readFileSync(require.resolve(pkg), 'utf8');
  const literals = [...code.matchAll(/"([A-Za-z0-9+/=]{1000,})"/g)].map((m) => new Uint8Array(Buffer.from(m[1]!, 'base64')));
  return literals.filter((bytes) => {
    try {
      return inflateTrie(bytes).data.length > 0;
    } catch {
      return false;
    }
  });
}

describe('the bundle’s unicode-trie (inflated by zlib, built on first lookup)', () => {
  const tables = [...tablesOf('linebreak'), ...tablesOf('unicode-properties'), ...tablesOf('fontkit')];

  it('finds the tables of linebreak, unicode-properties and fontkit', () => {
    expect(tablesOf('linebreak').length).toBeGreaterThan(0);
    expect(tablesOf('unicode-properties').length).toBeGreaterThan(0);
    expect(tablesOf('fontkit').length).toBeGreaterThan(0);
  });

  it('answers as unicode-trie for every code point of every table', () => {
    for (const bytes of tables) {
      const theirs = new UnicodeTrie(bytes);
      const ours = new LazyTrie(bytes);
      let differ = 0;
      for (let cp = 0; cp <= 0x10ffff; cp++) if (ours.get(cp) !== theirs.get(cp)) differ++;
      expect(differ).toBe(0);
    }
  });

  it('rejects a table whose length is not what its header says', () => {
    const bytes = Uint8Array.from(tables[0]!);
    new DataView(bytes.buffer).setUint32(8, 12345, true);
    expect(() => inflateTrie(bytes)).toThrow(/header says 12345/);
  });
});
