/**
 * The document outline (bookmarks): articles at level 1, their section heads nested below.
 * Written by hand rather than with PDFKit's `outline.addItem`, whose XYZ destination puts the
 * left edge at the page width (scrolling readers to the right margin) and cannot nest out of order.
 */
import type { Page } from '../model/page.js';
import type { KitDocument, KitRef } from './kit.js';

interface Node {
  title: string;
  dest: unknown[];
  children: Node[];
}

/** Outline tree from page bookmarks; `top(i, y)` converts a y from page top to PDF user space. */
export function outlineTree(pages: readonly Page[], pageRefs: readonly unknown[], top: (i: number, y: number) => number): Node[] {
  const roots: Node[] = [];
  let article: Node | null = null;
  pages.forEach((page, i) => {
    for (const b of page.bookmarks) {
      const node: Node = { title: b.title, dest: [pageRefs[i], 'XYZ', null, top(i, b.y), null], children: [] };
      if (b.level === 1 || !article) {
        roots.push(node);
        if (b.level === 1) article = node;
      } else {
        article.children.push(node);
      }
    }
  });
  return roots;
}

/** Writes the tree and hooks it into the catalog; nothing when there are no bookmarks. */
export function writeOutline(doc: KitDocument, roots: readonly Node[]): void {
  if (roots.length === 0) return;
  const refs: KitRef[] = [];
  const build = (nodes: readonly Node[], parent: KitRef): { first: KitRef; last: KitRef; count: number } => {
    const mine = nodes.map((n) => doc.ref({ Title: new String(n.title), Parent: parent, Dest: n.dest }));
    let count = nodes.length;
    nodes.forEach((n, i) => {
      const ref = mine[i]!;
      refs.push(ref);
      if (i > 0) ref.data.Prev = mine[i - 1];
      if (i < mine.length - 1) ref.data.Next = mine[i + 1];
      if (n.children.length) {
        const sub = build(n.children, ref);
        ref.data.First = sub.first;
        ref.data.Last = sub.last;
        // Positive Count: the article is shown open, its section heads visible.
        ref.data.Count = sub.count;
        count += sub.count;
      }
    });
    return { first: mine[0]!, last: mine[mine.length - 1]!, count };
  };
  const root = doc.ref({ Type: 'Outlines' });
  const all = build(roots, root);
  root.data.First = all.first;
  root.data.Last = all.last;
  root.data.Count = all.count;
  for (const r of refs) r.end();
  root.end();
  doc._root.data.Outlines = root;
  doc._root.data.PageMode = 'UseOutlines';
}
