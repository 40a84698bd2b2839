/**
 * yaml-lite must give what the `yaml` library gives (values and lines), or nothing: checked on
 * every YAML file of the repository, on hand-picked edge cases, and on thousands of mutations
 * of real configs (a mutation yaml-lite accepts must be one the library reads the same way).
 */
import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYamlSubset, type YamlNode, type YamlSchema } from '@deploy-actions/action-kit/yaml-lite';
import { parseYamlFull } from '@deploy-actions/action-kit/yaml-full';
import { ROOT } from '../harness/run-action.js';

/** What the full parser reads, or undefined when it refuses the text. */
function full(text: string, schema: YamlSchema = 'core'): YamlNode | null | undefined {
  const parsed = parseYamlFull(text, schema);
  return parsed.error ? undefined : parsed.root;
}

/** yaml-lite either declines or agrees with the full parser. */
function agrees(text: string, schema: YamlSchema = 'core'): boolean {
  const lite = parseYamlSubset(text, schema);
  if (lite === undefined) return true;
  expect({ text, node: lite }).toEqual({ text, node: full(text, schema) });
  return true;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'dist', '.git', '.scratch'].includes(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yamlFiles(path, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(path);
  }
  return out;
}

const CONFIG = readFileSync(join(ROOT, 'examples/acme-app/.github/deploy-actions.yml'), 'utf8');
// The same config as the yaml library writes it back (the demo does): flow mappings over lines.
const REWRITTEN = `targets:
  - {
      name: npm,
      type: npm,
      tier: 1,
      dist: 'python/dist/*',
      registry: http://127.0.0.1:46823
    }
  - {
      name: github,
      assets: [ 'build/*.tar.gz' ],
      checksums: true
    }
`;

describe('yaml-lite', () => {
  test('reads the example config, its rewritten form and the flatpak manifest itself, as the yaml library does', () => {
    const manifest = readFileSync(join(ROOT, 'examples/acme-app/packaging/flatpak/com.acme.App.yml'), 'utf8');
    for (const [text, schema] of [
      [CONFIG, 'core'],
      [REWRITTEN, 'core'],
      [manifest, 'failsafe'],
    ] as const) {
      const lite = parseYamlSubset(text, schema);
      expect(lite).toBeDefined();
      expect(lite).toEqual(full(text, schema));
    }
  });

  test('agrees with the yaml library on every YAML file of the repository', () => {
    const files = yamlFiles(ROOT);
    expect(files.length).toBeGreaterThan(10);
    let read = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const schema of ['core', 'failsafe'] as const) agrees(text, schema);
      if (parseYamlSubset(text) !== undefined) read++;
    }
    // Most of them are in the subset (workflows with `run: |` blocks are not).
    expect(read).toBeGreaterThan(files.length / 4);
  });

  test.each([
    [
      'scalars of the core schema',
      'a: 0o17\nb: 0x1F\nc: +12\nd: 1e3\ne: .5\nf: -.inf\ng: .NaN\nh: ~\ni: Null\nj: TRUE\nk: false\nl: 01\nm: 1_000\nn: 2001-12-14\no: 1.10\np: -0\nq: 1.\n',
    ],
    ['quoted scalars', `a: 'it''s'\nb: "tab\\there \\"q\\" \\\\ \\/ \\n"\n"c d": 'x: y # z'\n'e': "#f"\n`],
    [
      'comments everywhere',
      '# top\na: 1 # one\n  # indented comment\nb: # none\n- x # a\n# c\n-   y\nc: [1, # in flow\n  2]\n',
    ],
    [
      'nested blocks',
      'a:\n  b:\n    - c: 1\n      d: [x, y]\n    -\n      e: 2\n    - - f\n      - g\n  h: i\n',
    ],
    ['compact sequences', 'a:\n- 1\n- 2\nb:\n  - 3\n'],
    ['empty values', 'a:\nb: []\nc: {}\nd:\n  -\n  - \ne: ""\n'],
    ['plain scalars with indicators inside', 'a: http://x:80/a#b\nb: x,y[z]{w}\nc: -1\nd: a-b\ne: "k": v\n'],
    ['flow over lines', 'a: [ 1,\n  2,\n  3 ]\nb: {\n    c: d,\n    e: [ f ]\n  }\n'],
    ['a top-level sequence', '- a\n- b: c\n- [d]\n'],
    ['a top-level scalar', 'hello world\n'],
    ['CRLF line ends', 'a: 1\r\nb:\r\n  - x\r\n'],
    ['no final newline', 'a: 1\nb: 2'],
    ['an empty document', '# only a comment\n\n'],
  ])('agrees on %s', (_, text) => {
    for (const schema of ['core', 'failsafe'] as const) expect(agrees(text, schema)).toBe(true);
  });

  test.each([
    ['anchors and aliases', 'a: &x 1\nb: *x\n'],
    ['tags', 'a: !!str 1\n'],
    ['block scalars', 'a: |\n  text\n'],
    ['multi-line plain scalars', 'a: one\n  two\n'],
    ['multi-line quoted scalars', 'a: "one\n  two"\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['duplicate keys in flow', 'a: { b: 1, b: 2 }\n'],
    ['tabs as indentation', 'a:\n\tb: 1\n'],
    ['a document marker', '---\na: 1\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a flow line not indented under its block', 'a: [ 1,\n2 ]\n'],
    ['a mapping in a value', 'a: b: c\n'],
    ['a sequence after a value', 'a: 1\n- b\n'],
    ['an unclosed flow sequence', 'a: [1, 2\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['an unknown escape', 'a: "\\q"\n'],
    ['over-indented lines', 'a: 1\n  b: 2\n'],
  ])('leaves %s to the yaml library', (_, text) => {
    expect(parseYamlSubset(text)).toBeUndefined();
  });

  test('declines or agrees on thousands of mutations of real configs', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const pieces = [
      ' ',
      '  ',
      '\n',
      ':',
      ': ',
      '- ',
      '#',
      ' #',
      '[',
      ']',
      '{',
      '}',
      ',',
      "'",
      '"',
      '\t',
      'x',
      '1',
      '\\',
      '&a',
      '*a',
      '|',
      '?',
      '\r\n',
      '---',
    ];
    let accepted = 0;
    for (const base of [CONFIG, REWRITTEN]) {
      for (let i = 0; i < 2500; i++) {
        let text = base;
        for (let m = 1 + random(3); m > 0; m--) {
          const at = random(text.length + 1);
          const op = random(3);
          if (op === 0) text = text.slice(0, at) + text.slice(at + 1 + random(3));
          else if (op === 1) text = text.slice(0, at) + pieces[random(pieces.length)] + text.slice(at);
          else {
            // Swap two lines' indentation: the mistakes people make by hand.
            const lines = text.split('\n');
            const l = random(lines.length);
            lines[l] = ' '.repeat(random(7)) + lines[l].trimStart();
            text = lines.join('\n');
          }
        }
        agrees(text, 'core');
        if (parseYamlSubset(text) !== undefined) accepted++;
      }
    }
    // The check above must have had something to compare: many mutations stay in the subset.
    expect(accepted).toBeGreaterThan(1000);
  });
});
