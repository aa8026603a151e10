import { load, YAMLException } from 'js-yaml';
import type { ArticleMeta } from '../model/article.js';
import { InputError, type Report } from '../model/source.js';
import { META_KEYS } from './emit.js';

/**
 * Splitting a Markdown seed into documents and reading their front matter. A document
 * is a `---` line, YAML, a `---` line, then the body up to the next `---` line (so a
 * body never uses `---`; a thematic break, if ever wanted, is `***`).
 */

export interface Doc {
  meta: ArticleMeta;
  /** 1-based line of the opening `---`. */
  line: number;
  body: string;
  /** 1-based line of the body's first line. */
  bodyLine: number;
}

const FENCE = /^---\s*$/;

/** YAML by js-yaml's core schema (dates stay text, a repeated key is an error): quick to load and run in a fresh process. */
function readMeta(yamlText: string, file: string, firstLine: number): unknown {
  try {
    return load(yamlText);
  } catch (e) {
    if (e instanceof YAMLException) {
      throw new InputError(`front matter: ${e.reason}`, { file, line: firstLine + (e.mark?.line ?? 0) });
    }
    throw e;
  }
}

/** Check the shape of one front matter block; unknown keys are a warning, wrong types an error. */
function checkMeta(raw: unknown, file: string, line: number, report: Report): ArticleMeta {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new InputError('front matter must be a YAML mapping (key: value)', { file, line });
  }
  const rec = raw as Record<string, unknown>;
  const meta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rec)) {
    if (!(META_KEYS as readonly string[]).includes(key)) {
      report({ level: 'warning', message: `front matter: unknown key “${key}” ignored`, source: { file, line } });
      continue;
    }
    if (value === null || value === undefined) continue;
    if (key === 'notes') {
      const list = Array.isArray(value) ? value : [value];
      meta.notes = list.map((n) => String(n));
    } else if (typeof value === 'string' || typeof value === 'number') {
      meta[key] = String(value).trim();
    } else {
      throw new InputError(`front matter: “${key}” must be text`, { file, line });
    }
  }
  if (typeof meta.title !== 'string' || meta.title === '') {
    throw new InputError('front matter has no title', { file, line });
  }
  return meta as unknown as ArticleMeta;
}

/** Split a Markdown seed into its documents. */
export function splitDocuments(text: string, file: string, report: Report): Doc[] {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  if (i >= lines.length) throw new InputError('empty file: nothing to import', { file, line: 0 });
  if (!FENCE.test(lines[i]!)) throw new InputError('expected front matter: a “---” line, YAML, then “---”', { file, line: i + 1 });
  const docs: Doc[] = [];
  while (i < lines.length) {
    const open = i;
    let close = open + 1;
    while (close < lines.length && !FENCE.test(lines[close]!)) close++;
    if (close >= lines.length) throw new InputError('front matter is not closed by a “---” line', { file, line: open + 1 });
    const meta = checkMeta(readMeta(lines.slice(open + 1, close).join('\n'), file, open + 2), file, open + 1, report);
    let end = close + 1;
    while (end < lines.length && !FENCE.test(lines[end]!)) end++;
    docs.push({ meta, line: open + 1, body: lines.slice(close + 1, end).join('\n'), bodyLine: close + 2 });
    i = end;
  }
  return docs;
}
