export * from './units.js';
export * from './source.js';
export * from './article.js';
export * from './style.js';
export * from './line.js';
export * from './page.js';
