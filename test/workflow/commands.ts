/**
 * What the runner reads back from a step: the file commands (GITHUB_OUTPUT, GITHUB_ENV, GITHUB_STATE
 * with `name=value` and `name<<DELIM` blocks, GITHUB_PATH one entry a line) and the workflow commands
 * in its output (`::add-mask::`, `::error`/`::warning`/`::notice`, `::group::`, `::stop-commands::`),
 * with the secret masker that turns every registered value into `***` in the recorded log.
 */
import type { Annotation } from './types.js';

/** `name=value` lines and `name<<DELIM … DELIM` blocks, as the runner's file-command parser reads them. */
export function parseKeyValueFile(text: string, file: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const heredoc = line.indexOf('<<');
    const equals = line.indexOf('=');
    if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (!delimiter) throw new Error(`Invalid format '${line}' in ${file}: empty delimiter`);
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      if (i >= lines.length)
        throw new Error(`Invalid value in ${file}: matching delimiter not found '${delimiter}'`);
      out[name] = value.join('\n');
    } else if (equals > 0) {
      out[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new Error(`Invalid format '${line}' in ${file}`);
    }
  }
  return out;
}

export function parsePathFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Registered secret values, replaced by `***` wherever they appear (each line of a multi-line value too). */
export class Masker {
  private values = new Set<string>();

  add(value: string | undefined): void {
    if (!value) return;
    const trimmed = value.trim();
    if (trimmed) this.values.add(trimmed);
    for (const line of value.split(/\r?\n/)) if (line.trim()) this.values.add(line.trim());
  }

  mask(text: string): string {
    let out = text;
    for (const value of [...this.values].sort((a, b) => b.length - a.length))
      out = out.split(value).join('***');
    return out;
  }

  /** Whether a value contains a secret (the runner then drops it from job outputs). */
  contains(text: string): boolean {
    return [...this.values].some((value) => text.includes(value));
  }
}

const unescapeData = (s: string) => s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
const unescapeProperty = (s: string) =>
  s
    .replace(/%0D/gi, '\r')
    .replace(/%0A/gi, '\n')
    .replace(/%3A/gi, ':')
    .replace(/%2C/gi, ',')
    .replace(/%25/g, '%');

/**
 * Consumes a step's output line by line as the runner does: returns the line to show in the log
 * (undefined when the command prints nothing), registers masks and annotations.
 */
export class CommandProcessor {
  readonly annotations: Annotation[] = [];
  private stopToken: string | undefined;

  constructor(private readonly masker: Masker) {}

  line(raw: string): string | undefined {
    const match = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/.exec(raw);
    if (!match) return raw;
    const [, command, props = '', rawData] = match;
    if (this.stopToken !== undefined) {
      if (command === this.stopToken) {
        this.stopToken = undefined;
        return undefined;
      }
      return raw;
    }
    const message = unescapeData(rawData);
    switch (command) {
      case 'add-mask':
        this.masker.add(message);
        return undefined;
      case 'stop-commands':
        this.stopToken = rawData;
        return undefined;
      case 'error':
      case 'warning':
      case 'notice': {
        const properties: Record<string, string> = {};
        for (const part of props.split(',')) {
          const at = part.indexOf('=');
          if (at > 0) properties[part.slice(0, at).trim()] = unescapeProperty(part.slice(at + 1));
        }
        this.annotations.push({
          level: command,
          message: this.masker.mask(message),
          ...(properties.title !== undefined ? { title: this.masker.mask(properties.title) } : {}),
          ...(properties.file !== undefined ? { file: properties.file } : {}),
          ...(properties.line !== undefined ? { line: properties.line } : {}),
        });
        return `##[${command}]${message}`;
      }
      case 'group':
        return `##[group]${message}`;
      case 'endgroup':
        return '##[endgroup]';
      case 'debug':
        return undefined;
      case 'echo':
        return undefined;
      default:
        // Unknown (or removed, like set-output) commands are printed as they are.
        return raw;
    }
  }
}
