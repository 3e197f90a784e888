/** What a config check reports: one entry per problem, each naming the field's path. */

/**
 * - `missing`: the field is absent (an error for `validateConfig`; `parseConfig` quietly uses the default).
 * - `unknown`: a key that is no setting (`data.foo`), including `__proto__` and `constructor`.
 * - `invalid`: wrong type or out of range. - `conflict`: fine alone, wrong with another setting.
 * - `version`: written by a newer app. - `unreadable`: not an object, not JSON, or too big to read.
 * - `tooMany`: the list was cut; this entry says how many more problems there were.
 */
export type ConfigErrorCode = 'missing' | 'unknown' | 'invalid' | 'conflict' | 'version' | 'unreadable' | 'tooMany';

export interface ConfigError {
  /** Dotted path of the setting (`optimizer.betas[1]`); '' for the experiment as a whole. */
  path: string;
  code: ConfigErrorCode;
  /** An English sentence that says what was wrong and what is allowed; the page may build its own from path, code and `got`. */
  message: string;
  /** The offending value, printed short. */
  got?: string;
}

/** A list of problems that stops growing at `limit`, so a hostile input cannot make a huge report. */
export class ErrorList {
  readonly items: ConfigError[] = [];
  private dropped = 0;
  /** Paths whose value was absent or bad and so came from the defaults, kept even past the limit. */
  private readonly defaulted = new Set<string>();

  constructor(private readonly limit = 100) {}

  add(error: ConfigError): void {
    if (error.code === 'missing' || error.code === 'invalid') this.defaulted.add(error.path.replace(/\[\d+\]$/, ''));
    if (this.items.length < this.limit) this.items.push(error);
    else this.dropped++;
  }

  /** Whether the value at `path` (or its whole section or group) was not given and came from the defaults. */
  isDefaulted(path: string): boolean {
    for (let at = path; at !== ''; at = at.slice(0, Math.max(0, at.lastIndexOf('.')))) {
      if (this.defaulted.has(at)) return true;
    }
    return false;
  }

  /** The problems, with one closing entry that counts those left out. */
  finish(): ConfigError[] {
    if (this.dropped === 0) return this.items;
    return [...this.items, { path: '', code: 'tooMany', message: `The experiment has ${this.dropped} more problems not listed here.` }];
  }
}
