import { fileURLToPath } from 'node:url';
import type { Article, Block } from '../../src/model/article.js';
import type { Composer, ComposeRequest, Line } from '../../src/model/line.js';
import type { DrawOp } from '../../src/model/page.js';
import { loadTemplates } from '../../src/template/index.js';
import { baselineIn, gridOf } from '../../src/layout/grid.js';
import type { LayoutContext } from '../../src/layout/types.js';

/** The project's own templates: layout tests run on the geometry that ships. */
export const TEMPLATES_DIR = fileURLToPath(new URL('../../templates', import.meta.url));
export const templates = loadTemplates(TEMPLATES_DIR);
export const noReport = (): void => {};

/** A composer without fonts: every character 1 em wide, a break every floor(measure / size) characters. */
export const fakeComposer: Composer = {
  compose(req: ComposeRequest): Line[] {
    const size = req.style.size;
    const per = Math.max(1, Math.floor(req.measure / size + 1e-9));
    const chars = Array.from(req.text);
    const lines: Line[] = [];
    let offset = 0;
    for (let i = 0; i < chars.length; i += per) {
      const part = chars.slice(i, i + per);
      const text = part.join('');
      // Like the real composer, centred and flush-right lines come aligned within the measure.
      const slack = req.measure - part.length * size;
      const dx = req.style.align === 'center' ? slack / 2 : req.style.align === 'end' ? slack : 0;
      lines.push({
        glyphs: part.map((ch, k) => ({ face: req.style.face, gid: ch.codePointAt(0)!, x: dx + k * size, dy: 0, advance: size, text: ch })),
        size,
        measure: req.measure,
        width: dx + part.length * size,
        start: offset,
        end: offset + text.length,
        last: i + per >= chars.length,
      });
      offset += text.length;
    }
    return lines;
  },
};

/** A deterministic pseudo-random generator (mulberry32), so failures reproduce. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = '教育均衡发展优质学校课堂老师学生家长城乡资源改革创新集团办学课程质量提升';

/** Text of `n` characters, distinct per paragraph so fidelity checks can tell them apart. */
export function text(n: number, tag: number): string {
  const head = `第${tag}段`;
  let s = head;
  for (let i = 0; s.length < n; i++) s += HAN[(i * 7 + tag) % HAN.length];
  return s.slice(0, Math.max(n, head.length));
}

let line = 1;
const src = () => ({ file: 'synthetic.md', line: line++ });

export const para = (n: number, tag: number): Block => ({ kind: 'paragraph', text: text(n, tag), source: src() });
export const head = (...lines: string[]): Block => ({ kind: 'heading', lines, source: src() });
export const figure = (caption: string, file?: string): Block => (file ? { kind: 'figure', src: file, caption, source: src() } : { kind: 'figure', caption, source: src() });

export function article(id: string, blocks: Block[], meta: Partial<Article['meta']> = {}): Article {
  return { id, meta: { title: `测试标题${id}`, district: '北碚', byline: '本报记者 王五', ...meta }, blocks, source: { file: `${id}.md`, line: 1 } };
}

/** Text ops only. */
export const texts = (ops: DrawOp[]) => ops.filter((o): o is Extract<DrawOp, { op: 'text' }> => o.op === 'text');

/** A text op's ink box: the em box on its baseline, across its glyph advances. */
export function box(o: Extract<DrawOp, { op: 'text' }>): { x1: number; y1: number; x2: number; y2: number } {
  const last = o.glyphs[o.glyphs.length - 1];
  const w = last ? last.x + last.advance : 0;
  return { x1: o.x, y1: o.y - 0.88 * o.size, x2: o.x + w, y2: o.y + 0.12 * o.size };
}

export function overlaps(a: ReturnType<typeof box>, b: ReturnType<typeof box>, eps = 0.01): boolean {
  return a.x1 < b.x2 - eps && b.x1 < a.x2 - eps && a.y1 < b.y2 - eps && b.y1 < a.y2 - eps;
}

/** The feature template's grid as the tests see it: where columns start and where the first baseline sits. */
export const featureTpl = templates.pages.feature!;
export const featureGrid = gridOf(featureTpl, templates);
export const firstBaseline = baselineIn(featureGrid.top, featureGrid.pitch, templates.styles.body!.size);
/** Column index of a body op (justified lines start at the column edge); -1 outside every column. */
export const columnOf = (x: number): number => featureGrid.colX.findIndex((cx) => x >= cx - 0.01 && x < cx + featureGrid.colWidth);
/** Context for layoutArticle with the fake composer and no seeds folder. */
export const fakeContext: LayoutContext = { templates, composer: fakeComposer, seedsDir: '/nonexistent-seeds', report: noReport };
