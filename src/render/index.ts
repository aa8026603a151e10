/** The renderer: laid-out booklet → PDF editions, imposition and proofs. The only PDFKit user. */
export { renderPdf, type RenderOptions } from './document.js';
export type { EditionName } from './editions.js';
export { imposeBooklet, saddleOrder, type ImposeOptions } from './impose.js';
export { proofPages } from './proof.js';
export { useSubsetStore, type SubsetStore } from './pdfGlyphs.js';
export { usePageStore, savePages, type PageStore } from './pageStore.js';
