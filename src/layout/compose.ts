import type { Line } from '../model/line.js';
import type { SourceRef } from '../model/source.js';
import type { TextStyle } from '../model/style.js';
import type { Pt } from '../model/units.js';
import type { LayoutContext } from './types.js';

/** Compose one paragraph; empty text gives no lines. */
export function composeText(ctx: LayoutContext, text: string, style: TextStyle, measure: Pt, source?: SourceRef): Line[] {
  if (text.trim() === '') return [];
  return ctx.composer.compose(source ? { text, style, measure, source } : { text, style, measure });
}

/** A named style from the templates (validated at load, so present). */
export function styleOf(ctx: LayoutContext, name: string): TextStyle {
  const s = ctx.templates.styles[name];
  if (!s) throw new Error(`style '${name}' missing after validation`);
  return s;
}
