/**
 * Photos: each file is read and embedded once per document, fitted (aspect kept, centred) into
 * the box layout gave it. The print edition reports what a print shop's preflight would reject:
 * under 300 ppi at placed size, and RGB images.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { DrawOp } from '../model/page.js';
import { InputError, type Report } from '../model/source.js';
import type { EditionName } from './editions.js';
import type { KitDocument, KitImage } from './kit.js';

/** Print resolution below which a photo is reported (ppi at placed size). */
export const MIN_PRINT_PPI = 300;

export interface ImagePlacer {
  place(op: Extract<DrawOp, { op: 'image' }>): void;
}

/** Image bytes are also fed to `digest` so a changed photo changes the document ID. */
export function createImagePlacer(
  doc: KitDocument,
  edition: EditionName,
  report: Report,
  digest: (bytes: Uint8Array) => void,
): ImagePlacer {
  const opened = new Map<string, KitImage>();
  const reported = new Set<string>();

  const open = (file: string): KitImage => {
    let img = opened.get(file);
    if (img) return img;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (e) {
      throw new InputError(`image cannot be read: ${(e as Error).message}`, { file, line: 0 });
    }
    try {
      img = doc.openImage(bytes);
    } catch (e) {
      throw new InputError(`image is not a JPEG or PNG PDFKit can embed: ${(e as Error).message}`, { file, line: 0 });
    }
    digest(bytes);
    opened.set(file, img);
    return img;
  };

  const check = (file: string, img: KitImage, placedWidth: number, placedHeight: number) => {
    const ppi = Math.min(img.width / (placedWidth / 72), img.height / (placedHeight / 72));
    const key = `${file}\u0000${Math.round(ppi)}`;
    if (ppi < MIN_PRINT_PPI && !reported.has(key)) {
      reported.add(key);
      report({
        level: 'warning',
        message: `image ${basename(file)} is ${Math.round(ppi)} ppi at its printed size (${img.width}×${img.height} px); the press wants ${MIN_PRINT_PPI}`,
        source: { file, line: 0 },
      });
    }
    const space = img.colorSpace ?? img.image?.colorSpace;
    const indexed = (img.image?.palette?.length ?? 0) > 0;
    if ((space === 'DeviceRGB' || indexed) && !reported.has(`${file}\u0000rgb`)) {
      reported.add(`${file}\u0000rgb`);
      report({
        level: 'warning',
        message: `image ${basename(file)} is RGB; the print edition should get a CMYK (or greyscale) JPEG`,
        source: { file, line: 0 },
      });
    }
  };

  return {
    place(op) {
      if (op.width <= 0 || op.height <= 0) return;
      const img = open(op.file);
      const scale = Math.min(op.width / img.width, op.height / img.height);
      const w = img.width * scale;
      const h = img.height * scale;
      if (edition === 'print') check(op.file, img, w, h);
      doc.image(img, op.x + (op.width - w) / 2, op.y + (op.height - h) / 2, { width: w, height: h });
    },
  };
}
