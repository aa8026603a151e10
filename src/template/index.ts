export { loadTemplates } from './load.js';
export type {
  Templates,
  PageTemplate,
  BookletSpec,
  ChromeItem,
  ChromeAlign,
  GridSpec,
  HeadlineSpec,
  LeadSpec,
  FigureSpec,
  PanelSpec,
  BoxSpec,
  RuleSpec,
  TemplateRef,
} from './types.js';
export { PAGE_TOKENS, ENTRY_TOKENS } from './validate.js';
