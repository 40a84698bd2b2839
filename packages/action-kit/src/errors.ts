/**
 * Errors that are the user's mistake carry what to do about it. They are reported as one
 * annotation without a stack; anything else is a failure of the action itself.
 */
export abstract class UserError extends Error {
  /** A short title for the annotation. */
  abstract readonly title: string;
  constructor(
    message: string,
    /** What the user should do; appended to the message. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Show a user-supplied value safely: one line, quoted, control characters escaped, length-capped. */
export function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  const shown = text.length > 80 ? `${text.slice(0, 77)}...` : text;
  // JSON escapes C0 controls; C1 controls and the Unicode line separators are escaped too.
  return JSON.stringify(shown).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A bad action input or CLI flag. */
export class InputError extends UserError {
  readonly title: string;
  constructor(
    readonly input: string,
    message: string,
    hint?: string,
  ) {
    super(`Invalid input '${input}': ${message}`, hint);
    this.title = `Invalid input '${input}'`;
  }

  static bad(input: string, value: unknown, expected: string, hint?: string): InputError {
    return new InputError(input, `${describeValue(value)} ${expected}`, hint);
  }

  static missing(input: string, hint?: string): InputError {
    return new InputError(
      input,
      'required and not supplied',
      hint ?? `Set '${input}' in the step's 'with:'.`,
    );
  }
}

/** A mistake in the config file, located by file, line and key. */
export class ConfigError extends UserError {
  readonly title: string;
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly key: string | undefined,
    message: string,
    hint?: string,
  ) {
    const where = `${file}${line ? `:${line}` : ''}${key ? ` (${key})` : ''}`;
    super(`${where}: ${message}`, hint);
    this.title = 'Invalid deploy-actions config';
  }
}

/**
 * A registry or service refused what we asked in a way the user must fix (bad token,
 * forbidden republish, version mismatch). Not retried, reported without a stack.
 */
export class RegistryError extends UserError {
  readonly title: string;
  constructor(
    readonly registry: string,
    message: string,
    hint?: string,
    readonly status?: number,
  ) {
    super(`${registry}: ${message}`, hint);
    this.title = `${registry} refused the request`;
  }
}

/** "message. Hint." with exactly one full stop between them. */
export function withHint(message: string, hint?: string): string {
  if (!hint) return message;
  return `${message}${/[.!?]$/.test(message) ? '' : '.'} ${hint}`;
}

/** What to tell a person: a user error with what to do, else the error's own message. */
export function userMessage(error: unknown): string {
  return isUserError(error) ? withHint(error.message, error.hint) : errorMessage(error);
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
