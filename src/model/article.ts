import type { SourceRef } from './source.js';

/**
 * The editor's front matter of one article (the YAML block of its `.md`).
 * Everything but `title` may be missing in copy nobody has cleaned yet.
 */
export interface ArticleMeta {
  /** The raw seed file this article was imported from (file name only). */
  source?: string;
  /** 区 / district the feature is about, e.g. 北碚; shown in the running head. */
  district?: string;
  /** 引题: the line above the title. */
  kicker?: string;
  /** 主题: the headline. */
  title: string;
  /** 副题: the line below the title. */
  subtitle?: string;
  /** 署名: reporters' names as printed, e.g. "王彩艳 杨敏". */
  byline?: string;
  /** Photo credit as printed, e.g. "图片由北碚区教委提供". */
  credit?: string;
  /** Page template name (a file in templates/pages/ without extension). */
  template?: string;
  /** Editor's notes: suspicious spots and what was done; never printed. */
  notes?: string[];
}

/**
 * One block of an article body, in reading order. Text is already clean
 * (full-width punctuation, no spurious spaces): composition takes it as is.
 */
export type Block =
  /**
   * Body paragraph (正文). `quote`: the raw copy marks the passage with `> ` (the
   * extraction's block-quote marker); it is set as body text with the marker as an ornament.
   */
  | { kind: 'paragraph'; text: string; source: SourceRef; quote?: boolean }
  /** 小标题: one line, or two lines set as a unit (e.g. a short label line over a longer line). */
  | { kind: 'heading'; lines: string[]; source: SourceRef }
  /** 导语 or a boxed 核心提示 (label given): paragraphs set apart from the body. */
  | { kind: 'lead'; label?: string; paragraphs: string[]; source: SourceRef }
  /** A photo (src relative to the seeds folder, may be absent) and its caption (图片说明). */
  | { kind: 'figure'; src?: string; caption: string; source: SourceRef }
  /** A boxed data panel / sidebar (e.g. “双减”看成效), with its own title and paragraphs. */
  | { kind: 'panel'; title?: string; paragraphs: string[]; source: SourceRef };

/** One article, ready for styling and layout. */
export interface Article {
  /** Stable id derived from the source file name (and index when a file holds several). */
  id: string;
  meta: ArticleMeta;
  blocks: Block[];
  /** The `.md` (or raw file) the article was read from. */
  source: SourceRef;
}
