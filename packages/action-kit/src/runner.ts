/**
 * The runner, through @actions/core: workflow commands, the GITHUB_OUTPUT / GITHUB_STATE /
 * GITHUB_ENV files, the step summary. What this layer adds is ours: every message (log lines,
 * annotations and their titles, debug, group names) is redacted and defused (safe-text.ts)
 * before core writes it, so that text from a user, a registry or a tool can never set an
 * output, a mask or an annotation, nor show a secret. Values that must reach the runner exactly
 * (a mask, state, a variable) go to core as they are; outputs are redacted.
 */
import { existsSync } from 'node:fs';
import * as core from '@actions/core';
import type { AnnotationProperties } from '@actions/core';
import { redact, onSecretAdded } from './secrets.js';
import { defuseCommands } from './safe-text.js';
import { sanitizeSummary } from './summary.js';
import type { Reporter } from './log.js';

export type { AnnotationProperties };

/** A message as the runner may read it: no secret, no command. */
const safe = (text: string) => defuseCommands(redact(text));

/** Set an output; secrets are redacted even if a caller passes one by mistake. */
export function setOutput(name: string, value: unknown): void {
  core.setOutput(name, redact(typeof value === 'string' ? value : JSON.stringify(value ?? '')));
}

export const saveState = (name: string, value: unknown): void => core.saveState(name, value ?? '');
export const getState = (name: string): string => core.getState(name);
export const exportVariable = (name: string, value: string): void => core.exportVariable(name, value);
export const setSecret = (secret: string): void => core.setSecret(secret);

/** Every secret registered from now on (and every one already known) is masked by the runner too. */
export function wireMasking(): void {
  onSecretAdded(setSecret);
}

function properties(props: AnnotationProperties = {}): AnnotationProperties {
  const out: AnnotationProperties = { ...props };
  if (props.title) out.title = safe(props.title);
  if (props.file) out.file = safe(props.file);
  return out;
}

export const error = (message: string, props?: AnnotationProperties) =>
  core.error(safe(message), properties(props));
export const warning = (message: string, props?: AnnotationProperties) =>
  core.warning(safe(message), properties(props));
export const notice = (message: string, props?: AnnotationProperties) =>
  core.notice(safe(message), properties(props));
export const debug = (message: string) => core.debug(safe(message));
/** A log line (or several), each line redacted and defused. */
export const info = (message: string) => core.info(safe(message));
export const isDebug = () => core.isDebug();

export function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  return core.group(safe(name), fn);
}

/**
 * Append markdown to the job summary; skipped outside a runner. Data in it is escaped by its
 * writer (summary.ts); here secrets are redacted and, whatever a writer missed, no foreign HTML
 * or image gets through.
 */
export async function appendSummary(markdown: string): Promise<void> {
  const path = process.env.GITHUB_STEP_SUMMARY;
  if (!path || !existsSync(path)) return;
  await core.summary.addRaw(sanitizeSummary(redact(markdown)), true).write();
}

/** The Reporter for domain code, speaking to the runner. */
export const runnerReporter: Reporter = {
  debug,
  info,
  notice: (m) => notice(m),
  warning: (m) => warning(m),
  error: (m) => error(m),
  group,
};
