/**
 * Recognisers for the printed furniture of a feature page, as rules in tables.
 * Each names a shape seen in the seeds; the comment says which.
 */

/**
 * Chongqing's 38 districts and counties: a title starting with one followed by a space
 * is a district feature's headline ("江北 落实“双减”…"); a text naming one most often is about it.
 */
export const DISTRICTS: readonly string[] = [
  '万州', '黔江', '涪陵', '渝中', '大渡口', '江北', '沙坪坝', '九龙坡', '南岸', '北碚', '綦江', '大足',
  '渝北', '巴南', '长寿', '江津', '合川', '永川', '南川', '璧山', '铜梁', '潼南', '荣昌', '开州', '梁平',
  '武隆', '城口', '丰都', '垫江', '忠县', '云阳', '奉节', '巫山', '巫溪', '石柱', '秀山', '酉阳', '彭水',
  '两江', '高新',
];

/** Photo credit line: 图片由北碚区教委提供 (all seeds). */
export const CREDIT = /图片由\S+?提供/u;

/** Byline: two to four reporters' names of 2–3 Han characters, space separated ("周珣 陈锐"). */
export const BYLINE = /^\p{Script=Han}{2,3}(?:[ \u3000]+\p{Script=Han}{2,3}){1,3}$/u;

/** A reporter's role before names in a byline: 本报记者 张立新 通讯员 黄敏. */
const ROLE = '(?:(?:本报|特约|实习)?记者|通讯员|实习生)';

/** Byline with roles: one or more (role, names) groups; the names as in BYLINE. */
export const ROLE_BYLINE = new RegExp(`^(?:${ROLE}[ \\u3000]*\\p{Script=Han}{2,3}(?:[ \\u3000、]+\\p{Script=Han}{2,3})*[ \\u3000]*)+$`, 'u');

/** Photo credit under a picture: 记者 罗静 摄, 通讯员 黄敏 摄. */
export const PHOTO_CREDIT = new RegExp(`^(?:${ROLE}[ \\u3000]*)?\\p{Script=Han}{2,3}(?:[ \\u3000、]+\\p{Script=Han}{2,3})*[ \\u3000]*摄$`, 'u');

/** Boxed lead label (003: 核心提示). */
export const LEAD_LABELS: readonly string[] = ['核心提示', '导语', '编者按'];

/** Data panel title ending (001: “双减”看成效). */
export const PANEL_TITLE = /看成效$|数说|数据看/u;

/** Caption that points at the photo (002: ▲渝北实验小学…). */
export const CAPTION_MARK = /^[▲△▼▶]/u;

/** Markdown-ish heading marks left by the extraction (001, 002). */
export const MD_HEADING = /^(#{1,6})\s+(.*)$/u;

/** Marks a heading line never holds; a line with one is text, not a head. */
export const SENTENCE_MARKS = /[，。；：！？,;:!?]/u;

/** Widest a head, caption, kicker or chart label is, in em. */
export const SHORT_LINE_EM = 32;

/** Widest tail fragment ("展需要。") that a column break cut off its paragraph, in em. */
export const SHORT_TAIL_EM = 12;

/**
 * Words a paragraph commonly opens with before a comma (为此，同时，…): a short first
 * clause that is one of these is no sign of a paragraph starting mid-sentence.
 */
export const OPENERS = new Set([
  '为此', '同时', '此外', '目前', '如今', '近年来', '据统计', '据悉', '因而', '因此', '其中', '然而', '曾经',
  '两年来', '一学年来', '今年', '去年', '未来', '当前', '对此', '另外', '首先', '其次', '最后', '入学后',
  '一直以来', '与此同时', '值得一提的是', '截至目前', '展望未来', '近日', '过去一年', '由此',
  '据了解', '据介绍', '据测算', '记者了解到', '不仅如此', '事实上', '总体来看', '在此基础上',
]);

/** District named in a title line ("九龙坡 把惠民有感…" → 九龙坡). */
export function districtOfTitle(title: string): string | undefined {
  const m = /^(\p{Script=Han}{2,3})[ \u3000]/u.exec(title);
  return m && DISTRICTS.includes(m[1]!) ? m[1] : undefined;
}

/** District a text is about: the one whose name (+区) it mentions most. */
export function districtOfText(text: string): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const d of DISTRICTS) {
    const count = text.split(`${d}区`).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}
