/**
 * @actions/workflow-parser's workflow schema, for Jest. The parser does
 * `import WorkflowSchema from "../workflow-v1.0.min.json"` without `with { type: 'json' }`: plain
 * `node` refuses that import, and Jest 30 accepts it only with a deprecation warning (a hard error
 * in its next major). jest.config.js maps that one specifier here (moduleNameMapper), and this
 * CommonJS file reads the very same JSON from the installed package, so nothing is generated or
 * copied and the parser's own schema stays the one in node_modules.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose, see above */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

module.exports = JSON.parse(
  readFileSync(
    join(__dirname, '../../../node_modules/@actions/workflow-parser/dist/workflow-v1.0.min.json'),
    'utf8',
  ),
);
