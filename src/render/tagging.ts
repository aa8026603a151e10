/**
 * Tagged-PDF structure for the screen edition: Document → Art (one per article) → H1/P/…
 * elements, in the order ops arrive (layout emits them in reading order, column by column).
 * Running heads, folios and decoration are marked as artifacts so readers skip them.
 */
import type { Page, TextRole } from '../model/page.js';
import type { KitDocument, KitStruct } from './kit.js';

/** Structure types for our text roles (standard PDF structure types only). */
const STRUCT_TYPE: Record<Exclude<TextRole, 'Artifact'>, string> = {
  H1: 'H1',
  H2: 'H2',
  H3: 'H3',
  P: 'P',
  Lead: 'P',
  Caption: 'Caption',
  Byline: 'P',
};

export interface Tagger {
  /** Wraps `draw` (which writes content) in the marked content for a text op. */
  text(page: Page, role: TextRole, struct: string | undefined, draw: () => void): void;
  /** Wraps decoration (rules, rects, marks) as an artifact. */
  artifact(draw: () => void): void;
  /** Wraps an image as a Figure. */
  figure(page: Page, draw: () => void): void;
  /** Structure parent for a link annotation, or undefined when untagged. */
  link(page: Page): KitStruct | undefined;
  end(): void;
}

const untagged: Tagger = {
  text: (_p, _r, _s, draw) => draw(),
  artifact: (draw) => draw(),
  figure: (_p, draw) => draw(),
  link: () => undefined,
  end: () => undefined,
};

export function createTagger(doc: KitDocument, enabled: boolean): Tagger {
  if (!enabled) return untagged;
  const root = doc.struct('Document');
  doc.addStructure(root);
  const articles = new Map<string, KitStruct>();
  const elements = new Map<string, KitStruct>();

  const container = (page: Page): KitStruct => {
    if (!page.articleId) return root;
    let art = articles.get(page.articleId);
    if (!art) {
      art = doc.struct('Art');
      root.add(art);
      articles.set(page.articleId, art);
    }
    return art;
  };

  const marked = (elem: KitStruct, type: string, draw: () => void) => {
    const content = doc.markStructureContent(type);
    draw();
    doc.endMarkedContent();
    elem.add(content);
  };

  return {
    text(page, role, struct, draw) {
      if (role === 'Artifact') {
        doc.markContent('Artifact', { type: 'Pagination' });
        draw();
        doc.endMarkedContent();
        return;
      }
      const type = STRUCT_TYPE[role];
      // Lines of one paragraph share `struct`, so they become one element even across columns/pages.
      let elem = struct ? elements.get(struct) : undefined;
      if (!elem) {
        elem = doc.struct(type);
        container(page).add(elem);
        if (struct) elements.set(struct, elem);
      }
      marked(elem, type, draw);
    },
    artifact(draw) {
      doc.markContent('Artifact', { type: 'Layout' });
      draw();
      doc.endMarkedContent();
    },
    figure(page, draw) {
      const elem = doc.struct('Figure');
      container(page).add(elem);
      marked(elem, 'Figure', draw);
    },
    link(page) {
      const elem = doc.struct('Link');
      container(page).add(elem);
      return elem;
    },
    end() {
      root.end();
    },
  };
}
