#!/usr/bin/env node
// Bundle every action (or those named) with ncc into actions/<name>/dist/index.js (ESM), and copy
// actions/publish/dist to publish/dist so `uses: org/deploy-actions/publish@v1` resolves.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ncc = join(root, 'node_modules', '.bin', 'ncc');
const all = readdirSync(join(root, 'actions')).filter((name) => existsSync(join(root, 'actions', name, 'src', 'index.ts')));
const wanted = process.argv.slice(2);
for (const name of wanted) if (!all.includes(name)) throw new Error(`no action named ${name}`);
for (const name of wanted.length ? wanted : all) {
  const dir = join(root, 'actions', name);
  // ncc type-checks the program of the nearest tsconfig: one per action keeps that program to
  // the files the action imports, so one action's build never depends on unrelated code.
  const tsconfig = join(dir, 'tsconfig.json');
  if (!existsSync(tsconfig))
    writeFileSync(tsconfig, '{ "extends": "../../tsconfig.json", "compilerOptions": { "rootDir": "../.." }, "include": ["src/**/*.ts"] }\n');
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  execFileSync(ncc, ['build', join(dir, 'src', 'index.ts'), '-o', join(dir, 'dist'), '--license', 'licenses.txt', '--quiet', '--target', 'es2022'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (name === 'publish') {
    rmSync(join(root, 'publish', 'dist'), { recursive: true, force: true });
    cpSync(join(dir, 'dist'), join(root, 'publish', 'dist'), { recursive: true });
  }
  console.log(`built actions/${name}/dist`);
}
