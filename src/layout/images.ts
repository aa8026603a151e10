import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { InputError, type SourceRef } from '../model/source.js';

/** A picture file checked to be a readable JPEG or PNG inside the seeds folder. */
export interface ImageInfo {
  file: string;
  width: number;
  height: number;
}

/**
 * Resolve a figure's `src` against the seeds folder. This is layout's one look at the disk
 * (existence and header check), so a bad picture fails at its article line, not in the PDF.
 */
export function probeImage(src: string, seedsDir: string, articleId: string, source: SourceRef): ImageInfo {
  const root = resolve(seedsDir);
  const file = resolve(root, src);
  const rel = relative(root, file);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new InputError(`article ${articleId}: figure '${src}' lies outside the seeds folder`, source);
  if (!existsSync(file)) throw new InputError(`article ${articleId}: figure '${src}' not found in ${root}`, source);
  const size = imageSize(readFileSync(file));
  if (!size) throw new InputError(`article ${articleId}: figure '${src}' is not a readable JPEG or PNG`, source);
  return { file, ...size };
}

/** Pixel size from a PNG IHDR or a JPEG SOFn header; null when neither parses. */
export function imageSize(b: Uint8Array): { width: number; height: number } | null {
  const u16 = (i: number): number => (b[i]! << 8) | b[i + 1]!;
  const u32 = (i: number): number => ((b[i]! << 24) >>> 0) + (b[i + 1]! << 16) + (b[i + 2]! << 8) + b[i + 3]!;
  if (b.length > 24 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) {
    const width = u32(16);
    const height = u32(20);
    return width > 0 && height > 0 ? { width, height } : null;
  }
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    let i = 2;
    while (i + 9 < b.length) {
      if (b[i] !== 0xff) return null;
      const marker = b[i + 1]!;
      const len = u16(i + 2);
      // SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        const height = u16(i + 5);
        const width = u16(i + 7);
        return width > 0 && height > 0 ? { width, height } : null;
      }
      i += 2 + len;
    }
  }
  return null;
}
