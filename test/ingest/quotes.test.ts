import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../src/ingest/index.js';
import { checkParagraph, endsWithOpener, unbalancedQuotes } from '../../src/ingest/diagnose.js';
import { curlQuotes, pairQuotes } from '../../src/ingest/quotes.js';

describe('quote pairing', () => {
  // [name, raw paragraph with ASCII quotes, expected curled text]; fragments of seeds/002 unless said.
  const cases: Array<[string, string, string]> = [
    ['plain pairs', '高擎"教育强区"旗帜，打造"炫彩体艺"工程。', '高擎“教育强区”旗帜，打造“炫彩体艺”工程。'],
    ['quoted sentence at paragraph start', '"落实立德树人根本任务，努力办好人民满意的教育。"今年8月，', '“落实立德树人根本任务，努力办好人民满意的教育。”今年8月，'],
    ['adjacent pairs', '采用"名校长+""名师+"模式。', '采用“名校长+”“名师+”模式。'],
    ['orphan opening before pairs (line 139)', '渝北区以"急用先行、过数字化手段，实现了从"经验决策"到"数据驱动"的转型，成为"数字重庆"建设中生动的教育实践。',
      '渝北区以“急用先行、过数字化手段，实现了从“经验决策”到“数据驱动”的转型，成为“数字重庆”建设中生动的教育实践。'],
    ['orphan closing inside interleaved columns (line 131)', '为智多跨协同"为原则，建设"渝北教育一张图"，通慧教育发展。该区创新建立"多中心合一"机制，建起"资源全掌握、管理全流程、安全全方位"',
      '为智多跨协同”为原则，建设“渝北教育一张图”，通慧教育发展。该区创新建立“多中心合一”机制，建起“资源全掌握、管理全流程、安全全方位”'],
    ['a line cut at both ends keeps two orphans (line 33)', '师课堂""教师成长学院""校地共建""融合', '师课堂”“教师成长学院”“校地共建”“融合'],
    ['closing at paragraph start is impossible', '"高质量的标尺', '“高质量的标尺'],
    ['opening at paragraph end is impossible', '安全全方位"', '安全全方位”'],
    ['closing before a comma', '深化"五育并举",实现', '深化“五育并举”,实现'],
    ['a quoted span holds no sentence end', '他说"好"。我们走了。她说"行', '他说“好”。我们走了。她说“行'],
    ['English text keeps its quotes', 'He said "yes" and "no".', 'He said "yes" and "no".'],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    expect(curlQuotes(input)).toBe(expected);
  });

  it('parity would flip every later pair after one orphan; pairing does not', () => {
    const text = '以"急用先行、实现了从"经验决策"到"数据驱动"的转型。';
    expect(curlQuotes(text)).toContain('从“经验决策”到“数据驱动”');
  });

  it('reports which quote stays unmatched', () => {
    expect(pairQuotes('从"经验决策"到"数据').unmatched).toEqual([2]);
    expect(pairQuotes('协同"为原则，建设"一张图"，').unmatched).toEqual([0]);
    expect(pairQuotes('无引号').dirs).toEqual([]);
  });

  it('never leaves a paragraph ending with an opening mark or starting with a closing one', () => {
    const samples = ['"', '""', 'a"b"c"', '一"二', '"一', '一"', '"一"二"', '事业。"', '"事业"。"', '他说:"'];
    for (const s of samples) {
      const out = normalizeText(`中${s}`);
      expect(out.endsWith('“'), out).toBe(false);
      const lead = normalizeText(`${s}中`);
      expect(lead.startsWith('”'), lead).toBe(false);
    }
  });

  it('normalization stays idempotent on curled text', () => {
    for (const [, input] of cases) expect(normalizeText(normalizeText(input))).toBe(normalizeText(input));
  });
});

describe('quote diagnostics', () => {
  it('names each unmatched quote with its neighbours', () => {
    expect(unbalancedQuotes('从“经验决策”到“数据驱动”的转型')).toBeUndefined();
    expect(unbalancedQuotes('以“急用先行、实现了从“经验决策”到')).toMatch(/“ without ” at .*急用先行/u);
    expect(unbalancedQuotes('协同”为原则，建设“一张图”')).toMatch(/” without “ at 协同”为原则/u);
  });

  it('reports a paragraph that ends with an opening mark, at its last line', () => {
    expect(endsWithOpener('安全全方位“')).toMatch(/opening mark/u);
    expect(endsWithOpener('安全全方位”')).toBeUndefined();
    expect(checkParagraph('建起“资源全掌握、安全全方位“').filter((f) => f.at === 'end').map((f) => f.message).join()).toMatch(/opening mark/u);
  });
});
