/**
 * The runner's protocol, spoken directly: workflow commands on stdout and the file commands
 * (GITHUB_OUTPUT, GITHUB_STATE, GITHUB_ENV, GITHUB_STEP_SUMMARY). This is what @actions/core
 * does; we keep our own small copy so a bundle starts in a few milliseconds instead of loading
 * an HTTP stack it never uses.
 */
import { appendFileSync, existsSync, writeSync } from 'node:fs';
import { EOL } from 'node:os';
import { redact, onSecretAdded } from './secrets.js';
import { defuseCommands } from './safe-text.js';
import { sanitizeSummary } from './summary.js';
import type { Reporter } from './log.js';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
}

let direct = true;

/**
 * Write to stdout without touching process.stdout: creating that stream loads node:stream and
 * its relatives, a sixth of a small action's start-up. A non-blocking stdout that is full
 * (EAGAIN) hands the rest, and everything after, to process.stdout, keeping the order.
 */
export function writeStdout(text: string): void {
  let data = Buffer.from(text, 'utf8');
  if (direct) {
    try {
      while (data.length) data = data.subarray(writeSync(1, data));
      return;
    } catch {
      direct = false;
    }
  }
  process.stdout.write(data);
}

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Commands whose data must reach the runner exactly as given (a value, not a message). */
const VERBATIM = new Set(['add-mask', 'set-output', 'save-state', 'set-env']);

/**
 * One workflow command, on one line. Messages and properties are redacted and defused (a
 * legacy `##[…]` in them is never a second command, whatever later parses the line); values
 * (a mask, an output) are sent exactly.
 */
export function issueCommand(
  command: string,
  properties: Record<string, string | number | undefined>,
  message: string,
) {
  const verbatim = VERBATIM.has(command);
  const safe = (text: string) => (verbatim ? text : defuseCommands(redact(text)));
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(safe(String(v)))}`)
    .join(',');
  writeStdout(`::${command}${props ? ` ${props}` : ''}::${escapeData(safe(message))}${EOL}`);
}

function fileCommand(envName: string, name: string, value: string): boolean {
  const path = process.env[envName];
  if (!path) return false;
  if (!existsSync(path)) throw new Error(`${envName} points at ${path}, which does not exist`);
  // Not node:crypto: loading it costs a third of a small action's start-up. The delimiter need
  // not be secret: a value that contains it is refused below, so it can never end a block early.
  const delimiter = `ghadelimiter_${Date.now().toString(36)}${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error('value contains the delimiter');
  appendFileSync(path, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
  return true;
}

const stringify = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Set an output; secrets are redacted even if a caller passes one by mistake. */
export function setOutput(name: string, value: unknown): void {
  const text = redact(stringify(value ?? ''));
  if (!fileCommand('GITHUB_OUTPUT', name, text)) issueCommand('set-output', { name }, text);
}

export function saveState(name: string, value: unknown): void {
  const text = stringify(value ?? '');
  if (!fileCommand('GITHUB_STATE', name, text)) issueCommand('save-state', { name }, text);
}

export function getState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

export function exportVariable(name: string, value: string): void {
  process.env[name] = value;
  if (!fileCommand('GITHUB_ENV', name, value)) issueCommand('set-env', { name }, value);
}

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret);
}

/** Every secret registered from now on is masked by the runner too. */
export function wireMasking(): void {
  onSecretAdded(setSecret);
}

function annotation(kind: 'error' | 'warning' | 'notice', message: string, props: AnnotationProperties = {}) {
  issueCommand(kind, { title: props.title, file: props.file, line: props.startLine }, message);
}

export const error = (message: string, props?: AnnotationProperties) => annotation('error', message, props);
export const warning = (message: string, props?: AnnotationProperties) =>
  annotation('warning', message, props);
export const notice = (message: string, props?: AnnotationProperties) => annotation('notice', message, props);

export function debug(message: string): void {
  issueCommand('debug', {}, message);
}

/**
 * A log line (or several). Secrets are redacted first, then anything the runner would read as
 * a workflow command is defused (safe-text.ts), so that text from a user, a registry or a tool
 * can never set an output, a mask or an annotation.
 */
export function info(message: string): void {
  writeStdout(defuseCommands(redact(message)) + EOL);
}

export function isDebug(): boolean {
  return process.env.RUNNER_DEBUG === '1';
}

export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  issueCommand('group', {}, name);
  try {
    return await fn();
  } finally {
    issueCommand('endgroup', {}, '');
  }
}

/**
 * Append markdown to the job summary; silently skipped outside a runner. Data in it is escaped
 * by its writer (summary.ts); here secrets are redacted and, whatever a writer missed, no
 * foreign HTML or image gets through.
 */
export function appendSummary(markdown: string): void {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path || !existsSync(path)) return;
  appendFileSync(path, sanitizeSummary(redact(markdown)) + EOL, 'utf8');
}

/** The Reporter for domain code, speaking the runner's protocol. */
export const runnerReporter: Reporter = {
  debug,
  info,
  notice: (m) => notice(m),
  warning: (m) => warning(m),
  error: (m) => error(m),
  group,
};
