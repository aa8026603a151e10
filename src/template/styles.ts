import { textStyle, type Color, type PunctStyle, type TextStyle } from '../model/style.js';
import type { YamlReader } from './reader.js';
import type { BookletSpec } from './types.js';

const ALIGNS: ReadonlyArray<TextStyle['align']> = ['justify', 'start', 'center', 'end'];
const PUNCTS: readonly PunctStyle[] = ['gb', 'fullwidth'];
const BREAKINGS: ReadonlyArray<NonNullable<TextStyle['breaking']>> = ['text', 'phrase'];

/**
 * Declared defaults for any style field a named style leaves out. `defaults:` in
 * styles.yaml overrides these; each style then overrides the defaults.
 */
export const STYLE_DEFAULTS: Omit<TextStyle, 'face' | 'size' | 'leading'> = {
  color: 'text',
  align: 'justify',
  indent: 0,
  tracking: 0,
  punct: 'gb',
  hanging: false,
  // clreq: ¼ em between Han and Latin letters or digits.
  cjkLatinSpace: 0.25,
};

/** styles.yaml → colour roles. `text` must be pure black ink (0/0/0/100) for the press edition. */
export function readPalette(r: YamlReader): Record<string, Color> {
  const palette: Record<string, Color> = {};
  for (const name of r.keys(['palette'])) {
    const rgb = r.numbers(['palette', name, 'rgb'], 3);
    const cmyk = r.numbers(['palette', name, 'cmyk'], 4);
    if (rgb.some((v) => v < 0 || v > 255)) r.fail(['palette', name, 'rgb'], 'rgb values are 0–255');
    if (cmyk.some((v) => v < 0 || v > 100)) r.fail(['palette', name, 'cmyk'], 'cmyk values are 0–100');
    palette[name] = { rgb: rgb as Color['rgb'], cmyk: cmyk as Color['cmyk'] };
  }
  const text = palette.text;
  if (!text) r.fail(['palette'], "a 'text' colour role is required");
  if (text.cmyk.join('/') !== '0/0/0/100') r.fail(['palette', 'text', 'cmyk'], 'text must be 0/0/0/100 (black ink only)');
  return palette;
}

/** styles.yaml → named TextStyles. Leading is pt, or "1.7em" as a multiple of the size. */
export function readStyles(r: YamlReader, palette: Record<string, Color>): Record<string, TextStyle> {
  const d = (k: string): unknown => r.raw(['defaults', k]);
  const base = {
    ...STYLE_DEFAULTS,
    ...Object.fromEntries(Object.keys(STYLE_DEFAULTS).filter((k) => d(k) !== undefined).map((k) => [k, d(k)])),
  } as typeof STYLE_DEFAULTS;
  const styles: Record<string, TextStyle> = {};
  for (const name of r.keys(['styles'])) {
    const p = ['styles', name];
    const size = r.num([...p, 'size'], undefined, 3, 200);
    const rawLeading = r.raw([...p, 'leading']);
    let leading: number;
    if (typeof rawLeading === 'string' && /^\d+(\.\d+)?em$/.test(rawLeading)) leading = Number(rawLeading.slice(0, -2)) * size;
    else leading = r.num([...p, 'leading'], size * 1.25, size * 0.8, size * 4);
    const color = r.str([...p, 'color'], base.color);
    if (!palette[color]) r.fail([...p, 'color'], `unknown colour role '${color}'`);
    const style: TextStyle = {
      face: r.str([...p, 'face']),
      size,
      leading,
      color,
      align: r.oneOf([...p, 'align'], ALIGNS, base.align),
      indent: r.num([...p, 'indent'], base.indent, 0, 10),
      tracking: r.num([...p, 'tracking'], base.tracking, -0.5, 2),
      punct: r.oneOf([...p, 'punct'], PUNCTS, base.punct),
      hanging: r.bool([...p, 'hanging'], base.hanging),
      cjkLatinSpace: r.num([...p, 'cjkLatinSpace'], base.cjkLatinSpace, 0, 1),
    };
    // Only display styles say how they break; text styles keep the default (total fit).
    if (r.raw([...p, 'breaking']) !== undefined) {
      const breaking = r.oneOf([...p, 'breaking'], BREAKINGS);
      if (breaking === 'phrase' && style.align === 'justify') r.fail([...p, 'breaking'], "phrase breaking is for display lines: give the style an align other than 'justify'");
      style.breaking = breaking;
    }
    styles[name] = textStyle(style);
  }
  return styles;
}

/** booklet.yaml → BookletSpec, with declared defaults for the parts' template names. */
export function readBooklet(r: YamlReader): BookletSpec {
  const date = r.str(['date']);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) r.fail(['date'], `expected an ISO date yyyy-mm-dd, got '${date}'`);
  const order = Array.from({ length: r.count(['order']) }, (_, i) =>
    r.oneOf(['order', i], ['cover', 'contents', 'features', 'padding'] as const),
  );
  if (!order.includes('features')) r.fail(['order'], "order must include 'features'");
  const publication = r.str(['publication']);
  return {
    publication,
    supplement: r.str(['supplement']),
    date,
    author: r.str(['author'], publication),
    keywords: Array.from({ length: r.count(['keywords']) }, (_, i) => r.str(['keywords', i])),
    order: order.length ? order : ['cover', 'contents', 'features', 'padding'],
    cover: r.str(['templates', 'cover'], 'cover'),
    contents: r.str(['templates', 'contents'], 'contents'),
    blank: r.str(['templates', 'blank'], 'blank'),
    back: r.str(['templates', 'back'], 'back'),
    defaultTemplate: r.str(['templates', 'article'], 'feature'),
  };
}
