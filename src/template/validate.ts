import type { Page } from '../model/page.js';
import type { YamlReader, Path } from './reader.js';
import type { BoxSpec, ChromeAlign, ChromeItem, GridSpec, PageTemplate, RuleSpec } from './types.js';

/** Tokens a chrome text may use; filled per page by layout. */
export const PAGE_TOKENS = ['districts', 'publication', 'supplement', 'date', 'isoDate', 'weekday', 'district', 'folio', 'title'] as const;
/** Tokens a list entry may use; filled per article. */
export const ENTRY_TOKENS = ['title', 'kicker', 'subtitle', 'district', 'page', ...PAGE_TOKENS] as const;

const KINDS: ReadonlyArray<Page['kind']> = ['cover', 'contents', 'article', 'blank', 'back'];
const ALIGNS: readonly ChromeAlign[] = ['start', 'center', 'end', 'outer', 'inner'];

/** Style and colour names a template may refer to, checked here so layout never meets an unknown one. */
export interface KnownNames {
  styles: ReadonlySet<string>;
  colors: ReadonlySet<string>;
  /** Size and leading of each style, to resolve the grid in pt. */
  metrics: ReadonlyMap<string, { size: number; leading: number }>;
}

/** Turn one rendered, parsed page description into a PageTemplate, or throw at the bad line. */
export function validatePage(name: string, file: string, r: YamlReader, known: KnownNames): PageTemplate {
  const style = (path: Path, fallback?: string): string => {
    const s = r.str(path, fallback);
    if (!known.styles.has(s)) r.fail(path, `unknown style '${s}' (not in styles.yaml)`);
    return s;
  };
  const color = (path: Path, fallback?: string): string => {
    const c = r.str(path, fallback);
    if (!known.colors.has(c)) r.fail(path, `unknown colour role '${c}' (not in styles.yaml palette)`);
    return c;
  };
  const tokens = (path: Path, allowed: readonly string[]): string => {
    const t = r.str(path);
    for (const m of t.matchAll(/\{(\w+)\}/g)) {
      if (!allowed.includes(m[1]!)) r.fail(path, `unknown token {${m[1]}} (known: ${allowed.join(', ')})`);
    }
    return t;
  };
  const rule = (path: Path): RuleSpec | undefined =>
    r.has(path) ? { width: r.num([...path, 'width'], 0.25, 0, 20), color: color([...path, 'color'], 'rule') } : undefined;
  const box = (path: Path): BoxSpec => {
    const b: BoxSpec = { lineWidth: r.num([...path, 'lineWidth'], 0, 0, 20) };
    if (r.has([...path, 'fill'])) b.fill = color([...path, 'fill']);
    if (r.has([...path, 'stroke'])) b.stroke = color([...path, 'stroke']);
    return b;
  };

  const kind = r.oneOf(['kind'], KINDS);
  const width = r.length(['width']);
  const height = r.length(['height']);
  const page: PageTemplate = { name, file, kind, width, height, chrome: [] };

  for (let i = 0; i < r.count(['chrome']); i++) page.chrome.push(chromeItem(r, ['chrome', i], { style, color, tokens, box, rule }));

  if (kind === 'article') {
    const g: Path = ['grid'];
    const grid: GridSpec = {
      style: style([...g, 'style']),
      columns: r.int([...g, 'columns'], undefined, 1, 12),
      columnChars: r.int([...g, 'columnChars'], undefined, 4, 80),
      gutterChars: r.int([...g, 'gutterChars'], undefined, 1, 8),
      lines: r.int([...g, 'lines'], undefined, 8, 200),
      top: r.length([...g, 'top']),
      left: r.raw([...g, 'left']) === 'auto' ? NaN : r.length([...g, 'left']),
    };
    // The type area is a whole number of body characters wide and lines deep (clreq type area).
    const body = known.metrics.get(grid.style)!;
    const typeWidth = body.size * (grid.columns * grid.columnChars + (grid.columns - 1) * grid.gutterChars);
    if (Number.isNaN(grid.left)) grid.left = (width - typeWidth) / 2;
    if (grid.left < 0 || grid.left + typeWidth > width + 0.01) r.fail([...g, 'columnChars'], `type area ${typeWidth.toFixed(1)} pt wide does not fit the page (${width.toFixed(1)} pt)`);
    if (grid.top + grid.lines * body.leading > height + 0.01) r.fail([...g, 'lines'], `${grid.lines} lines of ${body.leading} pt from ${grid.top.toFixed(1)} pt run off the page`);
    page.grid = grid;
    page.columnRule = rule(['columnRule']);
    const h: Path = ['headline'];
    page.headline = {
      kicker: style([...h, 'kicker']),
      title: style([...h, 'title']),
      titleSizes: r.count([...h, 'titleSizes']) ? r.numbers([...h, 'titleSizes']) : [],
      titleMaxLines: r.int([...h, 'titleMaxLines'], 2, 1, 4),
      subtitle: style([...h, 'subtitle']),
      subtitlePrefix: r.str([...h, 'subtitlePrefix'], ''),
      rule: rule([...h, 'rule']),
    };
    page.lead = {
      style: style(['lead', 'style']),
      labelStyle: style(['lead', 'labelStyle']),
      box: r.has(['lead', 'box']) ? box(['lead', 'box']) : undefined,
      rule: rule(['lead', 'rule']),
      insetChars: r.int(['lead', 'insetChars'], 1, 0, 6),
    };
    page.heading = { style: style(['heading', 'style']), minLinesAfter: r.int(['heading', 'minLinesAfter'], 2, 1, 6) };
    page.figure = {
      span: r.int(['figure', 'span'], 1, 1, grid.columns),
      aspect: r.num(['figure', 'aspect'], 0.66, 0.2, 3),
      maxLines: r.int(['figure', 'maxLines'], Math.floor(grid.lines / 2), 3, grid.lines),
      captionStyle: style(['figure', 'captionStyle']),
      placeholder: {
        box: box(['figure', 'placeholder', 'box']),
        mark: r.str(['figure', 'placeholder', 'mark'], '图片'),
        markStyle: style(['figure', 'placeholder', 'markStyle']),
      },
    };
    page.panel = {
      span: r.int(['panel', 'span'], 1, 1, grid.columns),
      titleStyle: style(['panel', 'titleStyle']),
      style: style(['panel', 'style']),
      box: box(['panel', 'box']),
      insetChars: r.int(['panel', 'insetChars'], 1, 0, 6),
    };
    page.byline = { style: style(['byline', 'style']) };
    page.credit = { style: style(['credit', 'style']) };
  }
  return page;
}

interface Checkers {
  style(path: Path, fallback?: string): string;
  color(path: Path, fallback?: string): string;
  tokens(path: Path, allowed: readonly string[]): string;
  box(path: Path): BoxSpec;
  rule(path: Path): RuleSpec | undefined;
}

/** One chrome entry: exactly one of the keys text, rule, rect, list says what it is. */
function chromeItem(r: YamlReader, p: Path, c: Checkers): ChromeItem {
  const keys = r.keys(p);
  const source = r.where(p);
  if (keys.includes('text')) {
    return {
      kind: 'text',
      text: c.tokens([...p, 'text'], PAGE_TOKENS),
      style: c.style([...p, 'style']),
      x: r.length([...p, 'x']),
      y: r.length([...p, 'y']),
      width: r.length([...p, 'width']),
      align: r.oneOf([...p, 'align'], ALIGNS, 'start'),
      source,
    };
  }
  if (keys.includes('rule')) {
    const q = [...p, 'rule'];
    return {
      kind: 'rule',
      x1: r.length([...q, 'x1']),
      y1: r.length([...q, 'y1']),
      x2: r.length([...q, 'x2']),
      y2: r.length([...q, 'y2']),
      width: r.num([...q, 'width'], 0.5, 0, 20),
      color: c.color([...q, 'color'], 'rule'),
    };
  }
  if (keys.includes('rect')) {
    const q = [...p, 'rect'];
    return { kind: 'rect', x: r.length([...q, 'x']), y: r.length([...q, 'y']), width: r.length([...q, 'width']), height: r.length([...q, 'height']), box: c.box(q) };
  }
  if (keys.includes('list')) {
    const q = [...p, 'list'];
    const pg = [...q, 'page'];
    return {
      kind: 'list',
      text: c.tokens([...q, 'text'], ENTRY_TOKENS),
      style: c.style([...q, 'style']),
      x: r.length([...q, 'x']),
      y: r.length([...q, 'y']),
      width: r.length([...q, 'width']),
      step: r.length([...q, 'step']),
      align: r.oneOf([...q, 'align'], ALIGNS, 'start'),
      page: r.has(pg) ? { text: c.tokens([...pg, 'text'], ENTRY_TOKENS), style: c.style([...pg, 'style']), leader: c.rule([...pg, 'leader']) } : undefined,
      link: r.bool([...q, 'link'], false),
      ...(r.has([...q, 'label']) ? { label: { text: c.tokens([...q, 'label', 'text'], ENTRY_TOKENS), style: c.style([...q, 'label', 'style']), width: r.length([...q, 'label', 'width']) } } : {}),
      ...(r.has([...q, 'sub']) ? { sub: { text: c.tokens([...q, 'sub', 'text'], ENTRY_TOKENS), style: c.style([...q, 'sub', 'style']) } } : {}),
      source,
    };
  }
  return r.fail(p, `a chrome item needs one of text, rule, rect, list (has ${keys.join(', ') || 'nothing'})`);
}
