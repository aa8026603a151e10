declare module 'unicode-trie' {
  /** A compact Unicode property table, as `unicode-trie` builds it. */
  export default class UnicodeTrie {
    /** Compressed bytes (a header and the table deflated twice), or the table already inflated. */
    constructor(data: Uint8Array | { data: Uint32Array; highStart: number; errorValue: number });
    get(codePoint: number): number;
  }
}
