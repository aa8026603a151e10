import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/article.js';
import { fileMarkdown } from '../../src/ingest/emit.js';
import { importText, parseMarkdown } from '../../src/ingest/index.js';
import { markerNeeded } from '../../src/ingest/reflow.js';
import { pieces } from './audit.js';

const HEAD = ['# 渝北 乘势而上建教育强区 提质惠民启壮阔新程', '', '教育是国之大计、党之大计，关乎民族复兴，承载万家期盼。', ''];
const QUOTED = '> 尤为值得一提的是,渝北区以"急用先行、 过数字化手段创新教育治理方式,成为"数字重庆"建设 中生动的教育实践。';

const paragraphs = (blocks: Block[]) => blocks.filter((b): b is Extract<Block, { kind: 'paragraph' }> => b.kind === 'paragraph');

describe('block quotes (the copy’s “>” marker)', () => {
  it('a “>” paragraph is imported as a block quote, emitted as `> …` and parsed back', () => {
    const [d] = importText([...HEAD, QUOTED, ''].join('\n'), 'x.txt');
    const quoted = paragraphs(d!.blocks).filter((b) => b.quote);
    expect(quoted.map((b) => b.text)).toEqual(['尤为值得一提的是，渝北区以“急用先行、过数字化手段创新教育治理方式，成为“数字重庆”建设中生动的教育实践。']);
    const md = fileMarkdown([d!]);
    expect(md).toContain('\n> 尤为值得一提的是，');
    const [back] = parseMarkdown(md, 'x.md', () => {});
    expect(paragraphs(back!.blocks).filter((b) => b.quote).map((b) => b.text)).toEqual(quoted.map((b) => b.text));
  });

  it('a plain paragraph is never a quote, and a leading “>” in text is escaped', () => {
    const md = fileMarkdown([{ meta: { title: 'T' }, blocks: [{ kind: 'paragraph', text: '>不是引文', source: { file: 'x', line: 1 } }] }]);
    const [back] = parseMarkdown(md, 'x.md', () => {});
    expect(back!.blocks).toMatchObject([{ kind: 'paragraph', text: '>不是引文' }]);
    expect((back!.blocks[0] as { quote?: true }).quote).toBeUndefined();
  });

  it('a short “>” head joined into the paragraph above loses its marker, as no checked piece needs it', () => {
    const raw = '> 与动态优化。"多元立体评价"体 推动教育治理从传统评价向 精准化、科学化范式升级。';
    expect(markerNeeded(raw.slice(2))).toBe(false);
    // The audit's pieces of that raw line: none holds the marker.
    expect(pieces(raw).some((p) => p.includes('>'))).toBe(false);
    expect(markerNeeded('尤为值得一提的是，渝北区以')).toBe(true);
    expect(pieces(QUOTED)[0]!.startsWith('>尤为')).toBe(true);
  });

  it('a long “>” line inside a wrapped run starts its own quoted paragraph', () => {
    const lines = [...HEAD, '实现教学行为的智能诊断，推动教育治理从传统评', '价向精准化、科学化范式升级，实现了全区教育', '> 尤为值得一提的是，渝北区以急用先行为原则，', '建设渝北教育一张图。', ''];
    const [d] = importText(lines.join('\n'), 'x.txt');
    const q = paragraphs(d!.blocks).find((b) => b.quote);
    expect(q?.text).toBe('尤为值得一提的是，渝北区以急用先行为原则，建设渝北教育一张图。');
  });

  it('a short “>” fragment joined mid-paragraph is noted', () => {
    const lines = [...HEAD, '实现教学行为的智能诊断，推动教育治理从传统评', '价向精准化、科学化范式升级，实现了全区教育', '> 资源整合。推动教育治理从传统评价向精准', '化、科学化范式升级。', ''];
    const [d] = importText(lines.join('\n'), 'x.txt');
    expect(paragraphs(d!.blocks).some((b) => b.quote)).toBe(false);
    expect(d!.warnings.map((w) => `${w.line}: ${w.message}`).join('\n')).toMatch(/^7: “>” dropped/mu);
  });
});
