/** Ingest: seeds (raw `.txt`, editor `.md`) → articles. See MARKDOWN.md for the editor's format. */
export { readArticles, importFile, importText, parseMarkdown, DEFAULT_TEMPLATE } from './read.js';
export { normalizeText, joinLines, RULES, WIDTH_TABLE } from './normalize.js';
export { unifyRadicals, radicals } from './radicals.js';
export { decodeSource, readSource } from './decode.js';
export { scanLines } from './lines.js';
export { reflow } from './reflow.js';
export { inferArticles, type Draft } from './infer.js';
