#!/usr/bin/env node
// Bundle every action (or those named) with ncc into actions/<name>/dist/index.js (ESM), and copy
// actions/publish/dist to publish/dist so `uses: org/deploy-actions/publish@v1` resolves.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ncc = join(root, 'node_modules', '.bin', 'ncc');
const all = readdirSync(join(root, 'actions')).filter((name) =>
  existsSync(join(root, 'actions', name, 'src', 'index.ts')),
);
all.push('cli');
const minified = new Map();
const wanted = process.argv.slice(2);
for (const name of wanted) if (!all.includes(name)) throw new Error(`no action named ${name}`);
for (const name of wanted.length ? wanted : all) {
  // The CLI is bundled the same way, to packages/cli/dist (bin/deploy-actions.js loads it).
  const dir = name === 'cli' ? join(root, 'packages', 'cli') : join(root, 'actions', name);
  // ncc reads the nearest tsconfig: it only transpiles (ESM out), so each bundle builds from
  // what it imports alone; the project's type check is `tsc --noEmit`.
  writeFileSync(
    join(dir, 'tsconfig.json'),
    '{ "extends": "../../tsconfig.json", "compilerOptions": { "module": "ESNext", "moduleResolution": "Bundler", "rootDir": "../.." }, "include": ["src/**/*.ts"] }\n',
  );
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  execFileSync(
    ncc,
    [
      'build',
      join(dir, 'src', 'index.ts'),
      '-o',
      join(dir, 'dist'),
      '--license',
      'licenses.txt',
      '--quiet',
      '--target',
      'es2022',
      '--transpile-only',
      // Minified, as docker/*-action ship theirs: V8 parses a third less at every start.
      '--minify',
    ],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  // ncc --minify leaves the lazily loaded chunks as they are; they are minified here too
  // (a registry's client, the YAML parser, Octokit: each is parsed when a run first needs it).
  const dist = join(dir, 'dist');
  for (const chunk of readdirSync(dist).filter((f) => /^\d+\.index\.js$/.test(f))) {
    const file = join(dist, chunk);
    const source = readFileSync(file, 'utf8');
    // Most chunks are the same in every action (a registry's client, Octokit): minify each once.
    if (!minified.has(source))
      minified.set(source, (await minify(source, { module: true, ecma: 2022 })).code);
    writeFileSync(file, minified.get(source));
  }
  if (name === 'publish') {
    rmSync(join(root, 'publish', 'dist'), { recursive: true, force: true });
    cpSync(join(dir, 'dist'), join(root, 'publish', 'dist'), { recursive: true });
  }
  console.log(`built ${name === 'cli' ? 'packages/cli' : `actions/${name}`}/dist`);
}
