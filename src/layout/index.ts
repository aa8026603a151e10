export { layoutBooklet, PAGES_PER_SHEET, type LayoutOptions } from './booklet.js';
export { layoutArticle, templateFor } from './article.js';
export { fillPage, takeLines, FLOW_DEFAULTS } from './flow.js';
export { balancePage, balanceDecisions, restoreBalanceDecisions } from './balance.js';
export { imageSize } from './images.js';
export type { Grid, Unit, FlowState, PageFill, ArticlePage, LayoutContext } from './types.js';
