import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Article, ArticleMeta, Block } from '../model/article.js';
import { InputError, type Diagnostic, type Report } from '../model/source.js';
import { decodeSource, readSource } from './decode.js';
import { fileMarkdown } from './emit.js';
import { splitDocuments } from './frontmatter.js';
import { inferArticles, type Draft } from './infer.js';
import { scanLines } from './lines.js';
import { parseBody } from './parse.js';
import { reflow } from './reflow.js';

/**
 * The ingest stage's edges: files in, articles or Markdown out. A seed `X.txt` is raw
 * copy; `X.md` beside it is the editor's copy and wins; an `.md` alone is a source too.
 */

/** Template named in imported front matter until an editor picks another. */
export const DEFAULT_TEMPLATE = 'feature';

/** Raw text → drafts (meta, blocks with raw-file lines, warnings). */
export function importText(text: string, file: string): Draft[] {
  const drafts = inferArticles(reflow(scanLines(text)), file);
  for (const d of drafts) {
    if (!d.meta.title) d.warnings.push({ line: d.line, message: 'no headline found; title left empty' });
    d.meta = {
      source: basename(file),
      ...d.meta,
      template: DEFAULT_TEMPLATE,
    };
    if (d.warnings.length) d.meta.notes = d.warnings.map((w) => `line ${w.line}: ${w.message}`);
  }
  return drafts;
}

function importDrafts(file: string, report: Report, text = readSource(file, report)): Draft[] {
  const drafts = importText(text, file);
  for (const d of drafts) for (const w of d.warnings) report({ level: 'warning', message: w.message, source: { file, line: w.line } });
  return drafts;
}

/** One raw file → its editable Markdown (front matter + body per article). */
export function importFile(file: string, report: Report): string {
  return fileMarkdown(importDrafts(file, report));
}

/** A Markdown seed → its articles' meta and blocks, with the `.md` file's lines. */
export function parseMarkdown(text: string, file: string, report: Report): Array<{ meta: ArticleMeta; blocks: Block[]; line: number }> {
  return splitDocuments(text, file, report).map((doc) => {
    const blocks = parseBody(doc.body, file, doc.bodyLine, report);
    if (blocks.length === 0) report({ level: 'warning', message: 'article has no body', source: { file, line: doc.line } });
    return { meta: doc.meta, blocks, line: doc.line };
  });
}

function toArticles(stem: string, file: string, parts: Array<{ meta: ArticleMeta; blocks: Block[]; line: number }>): Article[] {
  return parts.map((p, i) => ({
    id: parts.length > 1 ? `${stem}-${i + 1}` : stem,
    meta: p.meta,
    blocks: p.blocks,
    source: { file, line: p.line },
  }));
}

/** Every article of a seeds folder, in file-name order; `reread` names source files (by index) to parse even if unchanged. */
export function readArticles(seedsDir: string, report: Report, reread?: (file: string, index: number, count: number) => boolean): Article[] {
  let names: string[];
  try {
    if (!statSync(seedsDir).isDirectory()) throw new InputError('seeds path is not a folder', { file: seedsDir, line: 0 });
    names = readdirSync(seedsDir);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('seeds folder not found', { file: seedsDir, line: 0 });
  }
  const stems = [...new Set(names.filter((n) => /\.(txt|md)$/u.test(n) && !/^readme\.md$/iu.test(n)).map((n) => n.replace(/\.(txt|md)$/u, '')))].sort();
  if (stems.length === 0) throw new InputError('no sources in seeds folder (expected *.txt or *.md)', { file: seedsDir, line: 0 });
  const articles: Article[] = [];
  stems.forEach((stem, i) => {
    const md = names.includes(`${stem}.md`);
    const file = join(seedsDir, `${stem}.${md ? 'md' : 'txt'}`);
    articles.push(...sourceArticles(stem, file, md, report, reread?.(file, i, stems.length) ?? false));
  });
  return articles;
}

/**
 * The articles of each source file by its bytes, for the life of the process: a watch rebuild
 * after an edit parses the edited file again and reuses the others' articles (and replays their
 * warnings). Ingest reads nothing but the file itself, so its bytes decide the result.
 */
const byFile = new Map<string, { bytes: Buffer; articles: Article[]; diagnostics: Diagnostic[] }>();

function sourceArticles(stem: string, file: string, markdown: boolean, report: Report, reread: boolean): Article[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(`cannot read file (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`, { file, line: 0 });
  }
  const known = byFile.get(file);
  if (!reread && known?.bytes.equals(bytes)) {
    for (const d of known.diagnostics) report(d);
    return known.articles;
  }
  const diagnostics: Diagnostic[] = [];
  const mine: Report = (d) => {
    diagnostics.push(d);
    report(d);
  };
  const text = decodeSource(bytes, file, mine);
  const articles = toArticles(stem, file, markdown ? parseMarkdown(text, file, mine) : importDrafts(file, mine, text));
  byFile.set(file, { bytes, articles, diagnostics });
  return articles;
}
