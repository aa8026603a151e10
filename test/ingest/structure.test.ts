import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/article.js';
import { importText } from '../../src/ingest/index.js';

/** Import a fragment given as lines. */
const draft = (lines: string[]) => importText(lines.join('\n'), 'x.txt');
const kinds = (blocks: Block[]) => blocks.map((b) => b.kind);

// Fragments of the real seeds, shortened.
const WRAPPED_000 = [
  ' 奏响教育优质均衡发展强音',
  '从“学有所教”到“学有优教”',
  '',
  '优先保障教育投入',
  '精准推动城乡教育优质均衡发展',
  '',
  '“留住家门口的辖区生，让新改建学校',
  '成为‘家门口的好学校’，就是要让家门口的',
  '学生都能够就近享受优质的教育。”北碚区',
  '教委相关负责人介绍，“根据《2021-2023年',
  '学校建设规划》安排，今年还有9所学校建成',
  '',
  '投用，后续推进建设学校为18所，充分满足',
  '‘就近入学’的民生需求。”',
  '',
  '此外，学校还分级分批组织教研组长座',
  '谈会、学生座谈会，对学生学习、教师教学的',
  '情况进行半期检测和跟踪督导，并针对座谈',
  '情况形成专题报告，组织全体教师进行专题',
  '',
  '研讨，分析问题，商讨解决方法。',
  '让教真正实现提质增效，还需抓住教育',
  '',
  '评价改革的“牛鼻子”。为此，状元小学也进',
  '行了诸多深入探索与实践。',
  '',
  '周珣 陈锐',
  '图片由北碚区教委提供',
  '',
  '朝阳小学学生在进行课后延时服务特色社团活动',
];

describe('structure inference', () => {
  const [a] = draft(WRAPPED_000);
  it('finds title and subtitle', () => {
    expect(a!.meta.title).toBe('奏响教育优质均衡发展强音');
    expect(a!.meta.subtitle).toBe('从“学有所教”到“学有优教”');
  });
  it('reads two short lines as one two-line head', () => {
    const h = a!.blocks.find((b) => b.kind === 'heading');
    expect(h).toMatchObject({ lines: ['优先保障教育投入', '精准推动城乡教育优质均衡发展'] });
  });
  it('reflows wrapped lines across a column break', () => {
    const p = a!.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(p[0]).toContain('今年还有9所学校建成投用，后续推进');
    expect(p[0]!.endsWith('‘就近入学’的民生需求。”')).toBe(true);
  });
  it('ends a paragraph at a short line that closes a sentence', () => {
    const p = a!.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b.kind === 'paragraph' ? b.text : ''));
    expect(p[1]!.endsWith('商讨解决方法。')).toBe(true);
    expect(p[2]!.startsWith('让教真正实现提质增效，还需抓住教育评价改革')).toBe(true);
  });
  it('takes byline and credit into meta and the stray line after them as a caption', () => {
    expect(a!.meta.byline).toBe('周珣 陈锐');
    expect(a!.meta.credit).toBe('图片由北碚区教委提供');
    expect(a!.blocks.at(-1)).toMatchObject({ kind: 'figure', caption: '朝阳小学学生在进行课后延时服务特色社团活动' });
  });
  it('keeps raw line numbers', () => {
    expect(a!.blocks.find((b) => b.kind === 'heading')!.source).toEqual({ file: 'x.txt', line: 4 });
  });

  const cases: Array<[string, string[], (d: ReturnType<typeof draft>) => void]> = [
    ['markdown title gives district', ['# 江北 落实“双减”创新有为 喜人变化可见可感', '', '教育兴，则文化兴。'], (d) => {
      expect(d[0]!.meta.district).toBe('江北');
      expect(d[0]!.meta.title).toBe('江北 落实“双减”创新有为 喜人变化可见可感');
    }],
    ['kicker above the title, 核心提示 lead', ['', '', '杨家坪中学实验课堂', '', '创建全国义务教育优质均衡发展区、建设全国首个教育强国实验区', '', '九龙坡 把惠民有感落到实处 让教育公平阳光普照', '', '核心提示', '', '教育不仅要为祖国的未来培养创新人才。', '', '建好学校、办好入学、护好学生 聚力解决家长最关心的三件大事', '', '好教育奠基孩子的一生。'], (d) => {
      expect(d[0]!.meta.kicker).toBe('创建全国义务教育优质均衡发展区、建设全国首个教育强国实验区');
      expect(kinds(d[0]!.blocks)).toEqual(['figure', 'lead', 'heading', 'paragraph']);
      expect(d[0]!.blocks[1]).toMatchObject({ label: '核心提示', paragraphs: ['教育不仅要为祖国的未来培养创新人才。'] });
      expect(d[0]!.blocks[2]).toMatchObject({ lines: ['建好学校、办好入学、护好学生', '聚力解决家长最关心的三件大事'] });
    }],
    ['▲ caption and byline+credit on one line', ['# 渝北 乘势而上建教育强区 提质惠民启壮阔新程', '', '教育是国之大计。', '', '▲渝北实验小学2025级新生入学礼,为 孩子们颁发《梦想种子证书》', '', '王彩艳 杨敏 胡忠英 图片由渝北区教委提供'], (d) => {
      expect(d[0]!.blocks.find((b) => b.kind === 'figure')).toMatchObject({ caption: '▲渝北实验小学2025级新生入学礼，为孩子们颁发《梦想种子证书》' });
      expect(d[0]!.meta.byline).toBe('王彩艳 杨敏 胡忠英');
      expect(d[0]!.meta.credit).toBe('图片由渝北区教委提供');
    }],
    ['data panel and chart remnants', ['# 江北 落实“双减”创新有为', '', '正文。', '', '谭莹 胡忠英', '图片由江北区教委提供', '', '## “双减”看成效', '', '2023', '', '江北区被命名为重庆市家庭教育指导联动工作机制建设试点区。'], (d) => {
      const panel = d[0]!.blocks.find((b) => b.kind === 'panel');
      expect(panel).toMatchObject({ title: '“双减”看成效', paragraphs: ['2023', '江北区被命名为重庆市家庭教育指导联动工作机制建设试点区。'] });
    }],
    ['two articles in one file', [...WRAPPED_000, '', '33名学生在国家、市区级艺体活动中摘得桂冠。', '', ' 七彩课程放异彩 创新机制促“双减”', '状元小学', '', '狠抓课堂教学质量', '培育全面发展的“状元娃”', '', '自今年4月义务教育新课标发布以来。'], (d) => {
      expect(d.map((x) => x.meta.title)).toEqual(['奏响教育优质均衡发展强音', '七彩课程放异彩 创新机制促“双减”']);
      expect(d[1]!.meta.subtitle).toBe('状元小学');
      expect(d[1]!.blocks[0]).toMatchObject({ kind: 'lead', paragraphs: ['33名学生在国家、市区级艺体活动中摘得桂冠。'] });
      expect(d[0]!.blocks.at(-1)!.kind).toBe('figure');
    }],
  ];
  it.each(cases)('%s', (_name, lines, check) => check(draft(lines)));
});

describe('diagnostics', () => {
  it('names fragments that end or start mid-sentence', () => {
    const [d] = draft(['# 江北 落实“双减”创新有为', '', '这是江北区这一“得奖大户”的新收获，也是江北全域高效落实“双减”政策的有力印证，全面提高了全区中小学课后服务质量与', '', '“双减”工作是重大政治任务。', '', '动实施意见》，区教委主要负责人实施“突破专项”。']);
    const msgs = d!.warnings.map((w) => `${w.line}: ${w.message}`);
    expect(msgs.some((m) => m.startsWith('3: fragment ends mid-sentence'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('7: paragraph may start mid-sentence'))).toBe(true);
    expect(msgs.some((m) => m.startsWith('5:'))).toBe(false);
    expect(d!.meta.notes!.length).toBe(d!.warnings.length);
  });
});
