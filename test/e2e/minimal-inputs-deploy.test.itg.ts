/**
 * Each deploy action with only its required inputs, everything else at its action.yml default
 * (as the GitHub runner sets them: the harness applies every `default:`), does its job. One row
 * per action and router: what the step passes, and what must be true afterwards.
 *
 * nginx's defaults (`nginx -s reload`, `nginx -t`) are run as typed: an `nginx` on PATH points
 * them at this test's private nginx (its own prefix and config), as the system nginx would be.
 * kubernetes cannot run here: its row is checked by the kubectl argv (TESTING.md).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { which } from '@deploy-actions/action-kit/exec';
import { runAction, type ActionRun } from '../harness/run-action.js';
import { sampleColours, type RunningNginx } from '../harness/nginx.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';
import { npmPublish } from '../helpers/seed.js';
import type { ColourApp } from '../servers/colour-app.js';
import { startColourNginx, type ColourNginx } from '../harness/colour-nginx.js';

let blue: ColourApp;
let green: ColourApp;
let nginx: RunningNginx;
let colours: ColourNginx | undefined;
let npm: Verdaccio;
/** A folder whose `nginx` runs the real one against the test's instance. */
let nginxShim: string;

beforeAll(async () => {
  colours = await startColourNginx();
  ({ blue, green, nginx } = colours);
  npm = await startVerdaccio();
  const real = await which('nginx');
  nginxShim = mkdtempSync(join(tmpdir(), 'da-nginx-shim-'));
  const base = nginx.testCommand.slice(1, -1); // -p PREFIX -c CONF -e stderr
  writeFileSync(
    join(nginxShim, 'nginx'),
    `#!/bin/sh\nexec ${real} ${base.map((a) => `'${a}'`).join(' ')} "$@"\n`,
  );
  chmodSync(join(nginxShim, 'nginx'), 0o755);
}, 60_000);

afterAll(async () => {
  await colours?.stop();
  await npm?.stop();
});

const dir = (prefix: string) => mkdtempSync(join(tmpdir(), `da-minimal-${prefix}-`));

function releases(): { root: string; link: string; blue: string; green: string } {
  const root = dir('symlink');
  for (const colour of ['blue', 'green']) mkdirSync(join(root, 'releases', colour), { recursive: true });
  symlinkSync(join(root, 'releases', 'blue'), join(root, 'current'));
  return {
    root,
    link: join(root, 'current'),
    blue: join(root, 'releases', 'blue'),
    green: join(root, 'releases', 'green'),
  };
}

interface Row {
  action: string;
  /** Only what the action requires (and the router or target needs to know where things are). */
  inputs: () => Record<string, string>;
  workspace?: () => string;
  env?: () => Record<string, string>;
  /** What it must have done; `run` succeeded already. */
  verify: (run: ActionRun) => Promise<void> | void;
}

// Set up per row by its inputs() (rows run in order).
let files: ReturnType<typeof releases>;
let command: { dir: string; calls: string; state: string };
let kubectl: { dir: string; argv: string };

const ROWS: [string, Row][] = [
  [
    'blue-green-switch, nginx: upstream-file, blue, green (reload-command, test-command, selector-key... at their defaults)',
    {
      action: 'blue-green-switch',
      inputs: () => ({
        router: 'nginx',
        'upstream-file': nginx.upstreamFile,
        blue: blue.address,
        green: green.address,
      }),
      env: () => ({ PATH: `${nginxShim}:${process.env.PATH}` }),
      verify: async (run) => {
        expect(run.outputs).toMatchObject({ active: 'green', previous: 'blue', 'rolled-back': 'false' });
        expect(await sampleColours(`${nginx.url}/`, 10)).toEqual({ green: 10 });
      },
    },
  ],
  [
    'blue-green-switch, symlink: link, blue, green',
    {
      action: 'blue-green-switch',
      inputs: () => {
        files = releases();
        return { router: 'symlink', link: files.link, blue: files.blue, green: files.green };
      },
      verify: (run) => {
        expect(run.outputs).toMatchObject({ active: 'green', previous: 'blue', 'rolled-back': 'false' });
        expect(readlinkSync(files.link)).toBe(files.green);
      },
    },
  ],
  [
    'blue-green-switch, command: switch-command, read-command',
    {
      action: 'blue-green-switch',
      inputs: () => {
        const root = dir('command');
        command = { dir: root, calls: join(root, 'calls'), state: join(root, 'state') };
        writeFileSync(
          join(root, 'lb'),
          `#!/bin/sh\necho "$*" >> ${command.calls}\necho "$1 $2" > ${command.state}\n`,
        );
        chmodSync(join(root, 'lb'), 0o755);
        writeFileSync(command.state, 'blue\n');
        return {
          router: 'command',
          'switch-command': `${join(root, 'lb')} {colour} {weight}`,
          'read-command': `cat ${command.state}`,
        };
      },
      verify: (run) => {
        expect(run.outputs).toMatchObject({ active: 'green', previous: 'blue' });
        expect(readFileSync(command.calls, 'utf8')).toBe('green 100\n');
      },
    },
  ],
  [
    'blue-green-switch, kubernetes: service (checked by the kubectl argv: selector-key at its default, colour)',
    {
      action: 'blue-green-switch',
      inputs: () => {
        const root = dir('kubectl');
        kubectl = { dir: root, argv: join(root, 'argv.log') };
        writeFileSync(
          join(root, 'kubectl'),
          `#!/bin/sh\nprintf '%s\\n' "$*" >> ${kubectl.argv}\ncase "$1" in get) printf blue;; esac\n`,
        );
        chmodSync(join(root, 'kubectl'), 0o755);
        return { router: 'kubernetes', service: 'app' };
      },
      env: () => ({ PATH: `${kubectl.dir}:${process.env.PATH}` }),
      verify: (run) => {
        expect(run.outputs).toMatchObject({ active: 'green', previous: 'blue' });
        const argv = readFileSync(kubectl.argv, 'utf8').trim().split('\n');
        expect(argv[0]).toBe('get service app -o jsonpath={.spec.selector.colour}');
        expect(argv.at(-1)).toBe(
          'patch service app --type merge -p {"spec":{"selector":{"colour":"green"}}}',
        );
      },
    },
  ],
  [
    'health-gate: url (a local server)',
    {
      action: 'health-gate',
      inputs: () => ({ url: `${blue.url}/health` }),
      verify: (run) => {
        expect(run.outputs).toMatchObject({ healthy: 'true', 'error-rate': '0' });
        expect(Number(run.outputs.checks)).toBe(3);
      },
    },
  ],
  [
    'rollback, a registry target: target (npm, from the default config file)',
    {
      action: 'rollback',
      workspace: () => {
        const ws = dir('rollback-npm');
        mkdirSync(join(ws, '.github'));
        writeFileSync(
          join(ws, '.github', 'deploy-actions.yml'),
          `targets:\n  - { name: npm, type: npm, tier: 1, path: ./pkg, registry: ${npm.url} }\n`,
        );
        mkdirSync(join(ws, 'pkg'));
        writeFileSync(
          join(ws, 'pkg', 'package.json'),
          JSON.stringify({ name: 'minimal-rb', version: '1.1.0' }),
        );
        npmPublish(npm.url, npm.token, 'minimal-rb', '1.0.0');
        npmPublish(npm.url, npm.token, 'minimal-rb', '1.1.0');
        return ws;
      },
      inputs: () => ({ target: 'npm' }),
      env: () => ({ NPM_TOKEN: npm.token }),
      verify: async (run) => {
        expect(run.outputs['rolled-back-to']).toBe('1.0.0');
        const tags = (await (await fetch(`${npm.url}/-/package/minimal-rb/dist-tags`)).json()) as Record<
          string,
          string
        >;
        expect(tags.latest).toBe('1.0.0');
      },
    },
  ],
  [
    'rollback, a router: target blue-green (symlink router of the default config file)',
    {
      action: 'rollback',
      workspace: () => {
        files = releases();
        const ws = dir('rollback-router');
        mkdirSync(join(ws, '.github'));
        writeFileSync(
          join(ws, '.github', 'deploy-actions.yml'),
          `targets:\n  - { name: npm, type: npm, tier: 1 }\ndeploy:\n  router: { type: symlink, link: ${files.link}, blue: ${files.blue}, green: ${files.green} }\n`,
        );
        return ws;
      },
      inputs: () => ({ target: 'blue-green' }),
      verify: (run) => {
        expect(run.outputs['rolled-back-to']).toBe('green');
        expect(readlinkSync(files.link)).toBe(files.green);
      },
    },
  ],
];

describe('each deploy action with only its required inputs and every other input at its action.yml default', () => {
  test.each(ROWS)(
    '%s',
    async (_name, row) => {
      const workspace = row.workspace?.();
      const run = await runAction(row.action, { inputs: row.inputs(), workspace, env: row.env?.() });
      expect({ code: run.code, errors: run.annotations.filter((a) => a.level === 'error') }).toEqual({
        code: 0,
        errors: [],
      });
      await row.verify(run);
    },
    60_000,
  );
});
