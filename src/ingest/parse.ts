import markdownIt, { type MarkdownIt, type Token } from 'markdown-it';
import container from 'markdown-it-container';
import type { Block } from '../model/article.js';
import type { Report, SourceRef } from '../model/source.js';
import { joinLines, normalizeText } from './normalize.js';

/**
 * A document body → blocks, from markdown-it's token stream (`md.parse`, never HTML).
 * Lines come from `token.map`, offset to the seed file's own line numbers.
 */

/** The parser: CommonMark plus the two containers `::: lead [label]` and `::: panel [title]`. */
function createParser(): MarkdownIt {
  const md = markdownIt('commonmark', { html: false });
  md.use(container, 'lead');
  md.use(container, 'panel');
  return md;
}

let parser: MarkdownIt | undefined;

/** Plain text of an inline token's children; line breaks joined as in raw copy. */
function inlineText(tok: Token | undefined): string {
  if (!tok?.children) return tok?.content ?? '';
  const parts: string[] = [];
  let line = '';
  for (const c of tok.children) {
    if (c.type === 'softbreak' || c.type === 'hardbreak') {
      parts.push(line);
      line = '';
    } else if (c.type === 'text' || c.type === 'code_inline') line += c.content;
    else if (c.type === 'image') line += c.content;
  }
  parts.push(line);
  return joinLines(parts);
}

/** A paragraph that is nothing but one image is a figure: `![caption](src)`. */
function asFigure(tok: Token | undefined): { caption: string; src?: string } | undefined {
  const kids = (tok?.children ?? []).filter((c) => !(c.type === 'text' && c.content.trim() === ''));
  if (kids.length !== 1 || kids[0]!.type !== 'image') return undefined;
  const src = String(kids[0]!.attrGet('src') ?? '');
  return { caption: kids[0]!.content, ...(src ? { src } : {}) };
}

/** Parse one body; `bodyLine` is the 1-based file line of the body's first line. */
export function parseBody(body: string, file: string, bodyLine: number, report: Report): Block[] {
  parser ??= createParser();
  const tokens = parser.parse(body, {});
  const blocks: Block[] = [];
  const at = (t: Token): SourceRef => ({ file, line: bodyLine + (t.map?.[0] ?? 0) });
  let box: Extract<Block, { kind: 'lead' | 'panel' }> | undefined;
  let lastHeadEnd = -1;
  // Depth of `>` block quotes around the current token: their paragraphs carry `quote: true`.
  let quoteDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    switch (t.type) {
      case 'container_lead_open':
      case 'container_panel_open': {
        const label = t.info.trim().replace(/^(lead|panel)\s*/u, '').trim();
        box = t.type === 'container_lead_open'
          ? { kind: 'lead', ...(label ? { label } : {}), paragraphs: [], source: at(t) }
          : { kind: 'panel', ...(label ? { title: label } : {}), paragraphs: [], source: at(t) };
        blocks.push(box);
        break;
      }
      case 'container_lead_close':
      case 'container_panel_close':
        box = undefined;
        break;
      case 'heading_open': {
        const text = normalizeText(inlineText(tokens[i + 1]), { keepSpaces: true });
        const prev = blocks[blocks.length - 1];
        // `## a` directly followed by `## b` (no blank line) is one two-line head.
        if (prev?.kind === 'heading' && t.map && t.map[0] === lastHeadEnd && !box) prev.lines.push(text);
        else if (box) report({ level: 'warning', message: 'head inside a lead or panel ignored as head; kept as text', source: at(t) });
        else blocks.push({ kind: 'heading', lines: [text], source: at(t) });
        if (box) box.paragraphs.push(text);
        lastHeadEnd = t.map?.[1] ?? -1;
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        const fig = asFigure(inline);
        if (fig && !box) blocks.push({ kind: 'figure', ...(fig.src ? { src: fig.src } : {}), caption: normalizeText(fig.caption), source: at(t) });
        else {
          const text = normalizeText(inlineText(inline));
          if (box && quoteDepth > 0) {
            // Boxes have no marker of their own: the `>` stays in the text so it is still printed.
            report({ level: 'warning', message: '“>” inside a lead or panel: kept as text', source: at(t) });
            box.paragraphs.push(`>${text}`);
          } else if (box) box.paragraphs.push(text);
          else blocks.push({ kind: 'paragraph', text, source: at(t), ...(quoteDepth > 0 ? { quote: true as const } : {}) });
        }
        break;
      }
      case 'code_block':
      case 'fence':
        report({ level: 'warning', message: 'indented or fenced code read as a paragraph (remove the indent)', source: at(t) });
        blocks.push({ kind: 'paragraph', text: normalizeText(joinLines(t.content.split('\n'))), source: at(t) });
        break;
      case 'hr':
        report({ level: 'warning', message: 'thematic break ignored', source: at(t) });
        break;
      case 'blockquote_open':
        // The copy's own `>` marker (002), kept so it is printed; nesting means nothing more.
        quoteDepth++;
        break;
      case 'blockquote_close':
        quoteDepth--;
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        report({ level: 'warning', message: `${t.type.replace('_open', '').replace('_', ' ')} read as plain paragraphs`, source: at(t) });
        break;
      default:
        break;
    }
  }
  return blocks;
}
