/**
 * Radicals → unified ideographs. PDF extraction sometimes yields the Kangxi Radicals
 * (U+2F00–U+2FDF) or CJK Radicals Supplement (U+2E80–U+2EFF) code points where the page
 * showed an ordinary character (⼀ for 一, ⻓ for 长). Full NFKC would fix these but also
 * turn `，` into `,`, so the mapping is limited to these two blocks.
 */

/** CJK Radicals Supplement forms that stand for a simplified character (no Unicode decomposition). */
const SUPPLEMENT: Record<string, string> = {
  '⺁': '厂', '⺇': '几', '⺈': '⺈', '⺊': '卜', '⺌': '小', '⺍': '小', '⺎': '兀', '⺏': '尢',
  '⺐': '尢', '⺑': '尢', '⺒': '巳', '⺓': '幺', '⺔': '彐', '⺖': '忄', '⺗': '心', '⺘': '扌',
  '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月', '⺞': '歺', '⺟': '母', '⺠': '民', '⺡': '氵',
  '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛', '⺨': '犭', '⺩': '王',
  '⺪': '疋', '⺫': '罒', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糸', '⺰': '纟', '⺱': '罓',
  '⺲': '罒', '⺳': '网', '⺴': '网', '⺵': '网', '⺶': '羊', '⺷': '羊', '⺸': '羊', '⺹': '耂',
  '⺺': '聿', '⺻': '聿', '⺼': '月', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎',
  '⻂': '衤', '⻃': '西', '⻄': '西', '⻅': '见', '⻆': '角', '⻇': '角', '⻈': '讠', '⻉': '贝',
  '⻊': '足', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長',
  '⻒': '镸', '⻓': '长', '⻔': '门', '⻕': '阝', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦',
  '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻞': '食', '⻟': '食', '⻠': '饣', '⻡': '首',
  '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄',
  '⻪': '黾', '⻫': '齐', '⻬': '齐', '⻭': '齿', '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻱': '龜',
  '⻲': '亀', '⻳': '龟',
};

let table: ReadonlyMap<string, string> | undefined;

/**
 * The full table: Kangxi radicals via their Unicode compatibility decomposition, plus the list above.
 * Built on first use: the first `normalize` loads ICU's normalisation data (~4 ms), and most copy
 * has no radical at all.
 */
export function radicals(): ReadonlyMap<string, string> {
  return (table ??= buildTable());
}

function buildTable(): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (let cp = 0x2f00; cp <= 0x2fd5; cp++) {
    const ch = String.fromCodePoint(cp);
    const unified = ch.normalize('NFKC');
    if (unified !== ch) map.set(ch, unified);
  }
  for (const [from, to] of Object.entries(SUPPLEMENT)) {
    if (from !== to) map.set(from, to);
  }
  // U+2E9F and U+2EF3 do decompose (⺟ 母, ⻳ 龟); the decomposition agrees with the list.
  return map;
}

/** Replace every radical code point that has a unified ideograph. */
export function unifyRadicals(s: string): string {
  return s.replace(/[\u2E80-\u2FDF]/gu, (ch) => radicals().get(ch) ?? ch);
}
