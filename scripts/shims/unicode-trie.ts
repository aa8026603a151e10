/**
 * The bundle's `unicode-trie` (scripts/bundle.mjs points the packages that import it here).
 * fontkit, unicode-properties and linebreak build their Unicode tables when they load, and
 * unicode-trie inflates each with tiny-inflate, JavaScript that a fresh process runs cold
 * (~10 ms for the two tables a build reads). Here a table is built on its first lookup
 * (fontkit's Arabic, Indic and USE tables never are, for Chinese copy) and inflated by Node's
 * zlib. test/shape/unicodeTrie.test.ts checks every code point against unicode-trie's own.
 */
import UnicodeTrie from 'unicode-trie';
import { endianness } from 'node:os';
import { inflateRawSync } from 'node:zlib';

/** unicode-trie's serialised form: highStart, errorValue and the inflated length (little-endian), then the table deflated twice. */
export function inflateTrie(bytes: Uint8Array): { data: Uint32Array; highStart: number; errorValue: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const highStart = view.getUint32(0, true);
  const errorValue = view.getUint32(4, true);
  const length = view.getUint32(8, true);
  const table = inflateRawSync(inflateRawSync(bytes.subarray(12)));
  if (table.length !== length) throw new Error(`unicode-trie: table inflates to ${table.length} bytes, header says ${length}`);
  // Own, aligned memory; the table's words are little-endian.
  const words = new Uint8Array(length);
  words.set(table);
  if (endianness() === 'BE') for (let i = 0; i < length; i += 4) words.subarray(i, i + 4).reverse();
  return { data: new Uint32Array(words.buffer, 0, length >> 2), highStart, errorValue };
}

export default class LazyTrie {
  private trie: UnicodeTrie | null = null;

  constructor(private readonly data: Uint8Array | { data: Uint32Array; highStart: number; errorValue: number }) {}

  get(codePoint: number): number {
    this.trie ??= new UnicodeTrie(this.data instanceof Uint8Array ? inflateTrie(this.data) : this.data);
    return this.trie.get(codePoint);
  }
}
