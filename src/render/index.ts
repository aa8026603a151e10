/** The renderer: laid-out booklet → PDF editions and imposition; proofs are in ./proof.js (loaded only by `banmian proof`). The only PDFKit user. */
export { renderPdf, type RenderOptions } from './document.js';
export type { EditionName } from './editions.js';
export { imposeBooklet, saddleOrder, type ImposeOptions } from './impose.js';
export { useSubsetStore, type SubsetStore } from './pdfGlyphs.js';
export { usePageStore, savePages, type PageStore } from './pageStore.js';
