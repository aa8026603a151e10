declare module 'restructure' {
  /** A binary reader over a buffer (the parts used here). */
  export class DecodeStream {
    constructor(buffer: Uint8Array);
    buffer: Uint8Array;
    pos: number;
    readUInt16BE(): number;
  }
  /** A fixed-size number type (`uint16` and kin). */
  export interface NumberT {
    size(): number;
    decode(stream: DecodeStream): number;
  }
  export const uint16: NumberT;
  /** A record of named fields, decoded in order. */
  export class Struct {
    constructor(fields?: Record<string, unknown>);
    fields: Record<string, unknown>;
    decode(stream: DecodeStream, parent?: unknown, length?: number): Record<string, unknown>;
  }
}
