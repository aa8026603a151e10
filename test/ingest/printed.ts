import type { ArticleMeta, Block } from '../../src/model/article.js';

/** The text of one block as it is printed (a quoted passage with its `>` marker). */
export function blockText(b: Block): string[] {
  switch (b.kind) {
    case 'paragraph': return [b.quote ? `>${b.text}` : b.text];
    case 'heading': return [b.lines.join('')];
    case 'figure': return [b.caption];
    case 'lead': return b.paragraphs;
    case 'panel': return [b.title ?? '', ...b.paragraphs];
  }
}

/** Everything of an article that gets printed, one piece per line, before any normalization. */
export function printedLines(meta: ArticleMeta, blocks: readonly Block[]): string[] {
  return [meta.kicker ?? '', meta.title, meta.subtitle ?? '', ...blocks.flatMap(blockText), `${meta.byline ?? ''}${meta.credit ?? ''}`];
}
