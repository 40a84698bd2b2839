/**
 * The local GitHub workflow runner for tests: `runWorkflow(options)` runs a workflow file for an
 * event as GitHub does, on GitHub's own workflow parser and expression engine. README.md beside
 * this file says what is emulated and how.
 */
export { runWorkflow } from './runner.js';
export { WorkflowError } from './parse.js';
export { inputVariable } from './actions.js';
export { expandMatrix, MatrixError } from './matrix.js';
export type * from './types.js';
