/** @actions/workflow-parser's action.yml schema, for Jest: see workflow.cjs beside this file. */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, see above */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

module.exports = JSON.parse(
  readFileSync(
    join(__dirname, '../../../node_modules/@actions/workflow-parser/dist/action-v1.0.min.json'),
    'utf8',
  ),
);
