import type { TemplateRef } from './types.js';

/** One file that took part in rendering a template. */
export interface SourceText {
  file: string;
  text: string;
}

/**
 * Map a line of a rendered template back to the .hbs line it came from.
 * Handlebars keeps no source map, and partials and blocks shift lines, so we look for
 * the rendered line's text in the template first, then in the partials. Lines that
 * contain an expression match on their literal part before the first `{{`.
 */
export function mapRenderedLine(rendered: string, line: number, sources: SourceText[]): TemplateRef {
  const main = sources[0]!;
  const wanted = (rendered.split('\n')[line - 1] ?? '').trim();
  if (wanted) {
    for (const src of sources) {
      const lines = src.text.split('\n');
      const exact = lines.findIndex((l) => l.trim() === wanted);
      if (exact >= 0) return { file: src.file, line: exact + 1 };
    }
    for (const src of sources) {
      const lines = src.text.split('\n');
      const partial = lines.findIndex((l) => {
        const literal = l.trim().split('{{')[0]!;
        return literal.length >= 3 && l.includes('{{') && wanted.startsWith(literal);
      });
      if (partial >= 0) return { file: src.file, line: partial + 1 };
    }
  }
  return { file: main.file, line };
}
