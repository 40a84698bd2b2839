import { defuseCommands, escapeControl, LINE_BREAK } from './safe-text.js';
import { redact } from './secrets.js';

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

/**
 * A message as terminal lines that are safe anywhere the CLI runs, a GitHub `run:` step
 * included (the runner reads a step's output for workflow commands): secrets redacted, control
 * characters from data escaped, workflow commands defused. `oneLine`: CR/LF escaped too, so
 * data can never start a second line (errors, warnings); else each line of the message is
 * kept (progress, a tool's output).
 */
export function terminalText(message: string, oneLine: boolean): string {
  const text = redact(message);
  const lines = oneLine ? [text] : text.split(LINE_BREAK);
  const escaped = lines.map((line) => escapeControl(line, true));
  return defuseCommands(escaped.join('\n'));
}

/** Writes to stderr, for the CLI; `verbose` shows debug lines. */
export class ConsoleReporter implements Reporter {
  constructor(
    private readonly verbose = false,
    private readonly out: NodeJS.WritableStream = process.stderr,
  ) {}
  private line(prefix: string, message: string, oneLine: boolean): void {
    this.out.write(`${prefix}${terminalText(message, oneLine)}\n`);
  }
  debug(message: string): void {
    if (this.verbose) this.line('  ', message, false);
  }
  info(message: string): void {
    this.line('', message, false);
  }
  notice(message: string): void {
    this.line('notice: ', message, true);
  }
  warning(message: string): void {
    this.line('warning: ', message, true);
  }
  error(message: string): void {
    this.line('error: ', message, true);
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.line('> ', name, true);
    return fn();
  }
}
