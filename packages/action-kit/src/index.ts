export * from './errors.js';
export * from './runner.js';
export * as inputs from './inputs.js';
export { runAction, reportFailure, type ActionContext, type RunOptions } from './run.js';
export { markdownTable, escapeCell, link } from './summary.js';
export { addSecret, redact } from './secrets.js';
export type { Reporter } from './log.js';
