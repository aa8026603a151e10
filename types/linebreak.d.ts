declare module 'linebreak' {
  /** One UAX #14 break opportunity: a line may start at `position` (UTF-16 index). */
  interface Break {
    position: number;
    required: boolean;
  }
  /** The Unicode line breaking algorithm over one string. */
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): Break | null;
  }
}
