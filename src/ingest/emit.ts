import { createRequire } from 'node:module';
import type { ArticleMeta, Block } from '../model/article.js';

/**
 * Articles → the editable Markdown of one seed (see MARKDOWN.md for the conventions):
 * one `---` front matter block per article, each followed by its body.
 */

/** Front matter keys in the order an editor reads them. */
export const META_KEYS = ['source', 'district', 'kicker', 'title', 'subtitle', 'byline', 'credit', 'template', 'notes'] as const;

/** Markdown punctuation that would change the meaning of text anywhere in a line. */
const INLINE_SPECIAL = /[\\`*_[\]<>&~|]/g;

/** Line starts that would make a paragraph into a head, quote, list, rule or container. */
const BLOCK_START = /^(#|>|[-+=]|:{3}|\d+[.)](?=\s|$))/u;

/** Escape text for a paragraph or head so markdown-it gives it back unchanged. */
export function escapeText(text: string): string {
  const s = text.replace(INLINE_SPECIAL, (c) => `\\${c}`);
  const m = BLOCK_START.exec(s);
  if (!m) return s;
  // Escape the mark itself: `\#`, `\>`, `1\.`.
  return /^\d/.test(m[0]) ? s.replace(/^(\d+)([.)])/u, '$1\\$2') : `\\${s}`;
}

function frontMatter(meta: ArticleMeta): string {
  const ordered: Record<string, unknown> = {};
  for (const key of META_KEYS) {
    const v = meta[key];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) ordered[key] = v;
  }
  // `yaml` writes front matter (its quoting reads best); loaded here, so a build, which only reads, never loads it.
  const { stringify } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return `---\n${stringify(ordered, { lineWidth: 0 })}---\n`;
}

function blockMarkdown(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      // A passage the copy marks with `>` is a Markdown block quote.
      return b.quote ? `> ${escapeText(b.text)}` : escapeText(b.text);
    case 'heading':
      // Consecutive `##` lines with no blank line between them are one head of several lines.
      return b.lines.map((l) => `## ${escapeText(l)}`).join('\n');
    case 'figure':
      return `![${escapeText(b.caption)}](${b.src ?? ''})`;
    case 'lead':
      return [`::: lead${b.label ? ` ${b.label}` : ''}`, ...b.paragraphs.map(escapeText), ':::'].join('\n\n');
    case 'panel':
      return [`::: panel${b.title ? ` ${b.title}` : ''}`, ...b.paragraphs.map(escapeText), ':::'].join('\n\n');
  }
}

/** One article's document: front matter, a blank line, the body. */
export function articleMarkdown(meta: ArticleMeta, blocks: readonly Block[]): string {
  return `${frontMatter(meta)}\n${blocks.map(blockMarkdown).join('\n\n')}\n`;
}

/** Several articles of one file, one document after the other. */
export function fileMarkdown(articles: ReadonlyArray<{ meta: ArticleMeta; blocks: readonly Block[] }>): string {
  return articles.map((a) => articleMarkdown(a.meta, a.blocks)).join('\n');
}
