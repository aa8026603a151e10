import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';

/**
 * Deflating ahead (src/render/deflate.ts): a font program announced by its owner is deflated on the
 * thread pool, and PDFKit's later `deflateSync` of a copy takes that output instead of deflating
 * again. The module captures zlib's `deflateSync` when it loads, so the spy is set first and the
 * module loaded after it: the spy then counts every real deflate.
 */
const real = zlib.deflateSync;
const spy = vi.spyOn(zlib, 'deflateSync');
const { deflateAhead, expectDeflate, rememberDeflate } = await import('../../src/render/deflate.js');
rememberDeflate(null);

const BEST = { level: 9, memLevel: 9 };
// Real font bytes: what is deflated ahead in a build.
const fontBytes = readFileSync(join(import.meta.dirname, '../../node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'));
const slice = (from: number, n: number) => new Uint8Array(fontBytes.subarray(from, from + n));
/** Real deflates (the module always passes its own options; PDFKit's calls pass none). */
const realDeflates = () => spy.mock.calls.filter((c) => c[1] !== undefined).length;

describe('deflating ahead', () => {
  it('makes the bytes a synchronous deflate makes, and a copy deflated later takes them without deflating again', async () => {
    const input = slice(1 << 20, 300_000);
    expectDeflate('face-a', input);
    const before = realDeflates();
    const ahead = await deflateAhead('face-a');
    expect(ahead).toBeInstanceOf(Buffer);
    expect(ahead!.equals(real(input, BEST))).toBe(true);
    // PDFKit deflates a copy (Buffer.concat of the stream's pieces), with no options.
    const later = zlib.deflateSync(Buffer.from(input));
    expect(later).toBe(ahead);
    expect(realDeflates()).toBe(before);
    expect(zlib.inflateSync(later).equals(input)).toBe(true);
  });

  it('answers at once for content deflated before, and for an owner that announced nothing', async () => {
    const input = slice(2 << 20, 100_000);
    const first = zlib.deflateSync(Buffer.from(input));
    expectDeflate('face-b', input);
    const before = realDeflates();
    expect(await deflateAhead('face-b')).toBe(first);
    expect(realDeflates()).toBe(before);
    expect(await deflateAhead('nobody')).toBeUndefined();
  });

  it('does not hand an output to an input announced anew while it was made', async () => {
    const old = slice(3 << 20, 200_000);
    const next = slice(4 << 20, 200_000);
    expectDeflate('face-c', old);
    const pending = deflateAhead('face-c');
    expectDeflate('face-c', next);
    const made = await pending;
    expect(made!.equals(real(old, BEST))).toBe(true);
    const later = zlib.deflateSync(Buffer.from(next));
    expect(later.equals(real(next, BEST))).toBe(true);
    expect(zlib.inflateSync(later).equals(next)).toBe(true);
  });

  it('leaves the copy to deflate itself when it comes first', () => {
    const input = slice(5 << 20, 150_000);
    expectDeflate('face-d', input);
    const before = realDeflates();
    const out = zlib.deflateSync(Buffer.from(input));
    expect(realDeflates()).toBe(before + 1);
    expect(out.equals(real(input, BEST))).toBe(true);
  });
});
