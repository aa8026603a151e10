/**
 * Horizontal advances straight from hmtx. fontkit's `glyph.advanceWidth` also works out the
 * vertical metrics, and without a vmtx table that decodes the glyph's outline header (and, the
 * first time, the whole loca table) for a number nobody here reads.
 */
import type * as fontkit from 'fontkit';

interface Hmtx {
  metrics: { length: number; get(i: number): { advance: number } | undefined };
}

/** Advance width of glyph `gid` in font units, exactly as `font.getGlyph(gid).advanceWidth`. */
export function advanceWidth(font: fontkit.Font, gid: number): number {
  const f = font as unknown as { hmtx?: Hmtx; _variationProcessor?: unknown };
  const metrics = f.hmtx?.metrics;
  // Variable fonts adjust advances (HVAR): leave those to fontkit.
  if (!metrics || metrics.length === 0 || f._variationProcessor) return font.getGlyph(gid).advanceWidth;
  return (gid < metrics.length ? metrics.get(gid) : metrics.get(metrics.length - 1))?.advance ?? 0;
}

interface HmtxFull {
  metrics: { length: number; get(i: number): { advance: number; bearing: number } | undefined };
  bearings: { get(i: number): number | undefined };
}

/**
 * Advance and left side bearing of glyph `gid` from hmtx, as fontkit's `_getTableMetrics(hmtx)`;
 * undefined for a variable font (fontkit adjusts its metrics).
 */
export function horizontalMetrics(font: fontkit.Font, gid: number): { advance: number; bearing: number } | undefined {
  const f = font as unknown as { hmtx?: HmtxFull; _variationProcessor?: unknown };
  const hmtx = f.hmtx;
  if (!hmtx || f._variationProcessor) return undefined;
  const n = hmtx.metrics.length;
  if (gid < n) return hmtx.metrics.get(gid);
  const last = hmtx.metrics.get(n - 1);
  return { advance: last ? last.advance : 0, bearing: hmtx.bearings.get(gid - n) || 0 };
}
