/** Caches that make rebuilds cheap: in the process (watch mode) and in `.cache/` (fresh processes). */
export { openStore, flushStores, hashOf, type CacheStore } from './store.js';
export { codeVersion, fileIdentity, fontsIdentity } from './identity.js';
export { LineMemo } from './lines.js';
export { ArticleLayouts, type ArticleLayout } from './articles.js';
