/** Where something came from, for messages an editor can act on. Lines are 1-based. */
export interface SourceRef {
  file: string;
  line: number;
}

/** A problem found in the input that did not stop the build. */
export interface Diagnostic {
  level: 'warning' | 'error';
  message: string;
  source?: SourceRef;
}

/** An error in the input or configuration, with the file (and line) to point at. Never a stack trace for the user. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly source?: SourceRef,
  ) {
    super(message);
    this.name = 'InputError';
  }

  /** One line for the terminal: `file:line: message`. */
  format(): string {
    if (!this.source) return this.message;
    return `${this.source.file}${this.source.line > 0 ? `:${this.source.line}` : ''}: ${this.message}`;
  }
}

/** Where stages send warnings; the CLI decides how to print them. */
export type Report = (d: Diagnostic) => void;
