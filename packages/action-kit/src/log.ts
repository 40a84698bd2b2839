/**
 * How domain code reports progress without knowing whether it runs as an action (annotations,
 * groups) or from the CLI (plain lines on stderr).
 */
export interface Reporter {
  debug(message: string): void;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
}

/** A reporter that keeps everything, for tests and for collecting messages to show later. */
export class MemoryReporter implements Reporter {
  readonly lines: { level: string; message: string }[] = [];
  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  notice(message: string): void {
    this.lines.push({ level: 'notice', message });
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push({ level: 'group', message: name });
    return fn();
  }
}

/** Writes to stderr, for the CLI; `verbose` shows debug lines. */
export class ConsoleReporter implements Reporter {
  constructor(
    private readonly verbose = false,
    private readonly out: NodeJS.WritableStream = process.stderr,
  ) {}
  debug(message: string): void {
    if (this.verbose) this.out.write(`  ${message}\n`);
  }
  info(message: string): void {
    this.out.write(`${message}\n`);
  }
  notice(message: string): void {
    this.out.write(`notice: ${message}\n`);
  }
  warning(message: string): void {
    this.out.write(`warning: ${message}\n`);
  }
  error(message: string): void {
    this.out.write(`error: ${message}\n`);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.out.write(`> ${name}\n`);
    return fn();
  }
}
