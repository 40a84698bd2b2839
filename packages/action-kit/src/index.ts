export * from './errors.js';
export * from './runner.js';
export * as inputs from './inputs.js';
export { runAction, reportFailure, type ActionContext, type RunOptions } from './run.js';
export { markdownTable, escapeCell, escapeMarkdown, link, Markdown } from './summary.js';
export { addSecret, addUrlCredentials, redact } from './secrets.js';
export { defuseCommands, escapeControl } from './safe-text.js';
export type { Reporter } from './log.js';
