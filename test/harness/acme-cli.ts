/**
 * examples/acme-cli (a Go CLI built for six platforms) copied into a fresh git repository and
 * pointed at local servers, for the builder's end-to-end tests and benchmark. Go's build cache
 * is shared through ACME_GO_CACHE (scripts/build.sh reads it), so a test file compiles the
 * standard library once per platform, not once per build.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT } from './run-action.js';

export const ACME_CLI = join(ROOT, 'examples', 'acme-cli');
export const PLATFORMS = [
  'linux/amd64',
  'linux/arm64',
  'darwin/amd64',
  'darwin/arm64',
  'windows/amd64',
  'windows/arm64',
] as const;

/** The archive names of a version, as the config's `archive:` template gives them, sorted. */
export function archiveNames(version: string): string[] {
  return PLATFORMS.map((p) => {
    const [os, arch] = p.split('/');
    return `acme_${version}_${os}_${arch}.${os === 'windows' ? 'zip' : 'tar.gz'}`;
  }).sort();
}

/** A Go cache folder for one test file (or benchmark). */
export function goCache(): string {
  const dir = mkdtempSync(join(tmpdir(), 'acme-go-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface AcmeCliOptions {
  version?: string;
  /** The GitHub API (test server) the `gh` target publishes to. */
  github: string;
  /** owner/name of the release repository. */
  repository?: string;
  /** Targets to keep, by name (default: gh only). */
  only?: string[];
  /** Extra settings per target name (e.g. the npm target's registry). */
  settings?: Record<string, Record<string, unknown>>;
  /** Files to add or replace, relative to the project (e.g. a source file that breaks a platform). */
  files?: Record<string, string>;
}

/** A copy of the example at `version`, committed at a fixed time (the archives' mtime). */
export function prepareAcmeCli(options: AcmeCliOptions): string {
  const version = options.version ?? '0.3.0';
  const dir = mkdtempSync(join(tmpdir(), 'acme-cli-'));
  cpSync(ACME_CLI, dir, { recursive: true });
  writeFileSync(join(dir, 'VERSION'), `${version}\n`);
  const npmManifest = join(dir, 'npm', 'package.json');
  writeFileSync(
    npmManifest,
    readFileSync(npmManifest, 'utf8').replace(/"version": "[^"]+"/, `"version": "${version}"`),
  );
  for (const [file, text] of Object.entries(options.files ?? {})) writeFileSync(join(dir, file), text);

  const configFile = join(dir, '.github', 'deploy-actions.yml');
  const doc = parseDocument(readFileSync(configFile, 'utf8'));
  const targets = doc.get('targets') as {
    items: { get(k: string): unknown; set(k: string, v: unknown): void }[];
  };
  const only = options.only ?? ['gh'];
  targets.items = targets.items.filter((t) => only.includes(String(t.get('name'))));
  const settings: Record<string, Record<string, unknown>> = {
    gh: { registry: options.github, repository: options.repository ?? 'acme/acme-cli' },
    ...options.settings,
  };
  for (const target of targets.items)
    for (const [key, value] of Object.entries(settings[String(target.get('name'))] ?? {}))
      target.set(key, value);
  writeFileSync(configFile, doc.toString());

  writeFileSync(join(dir, '.gitignore'), 'dist/\n');
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      stdio: 'pipe',
      env: {
        PATH: process.env.PATH,
        HOME: dir,
        GIT_AUTHOR_NAME: 'Acme CI',
        GIT_AUTHOR_EMAIL: 'ci@acme.invalid',
        GIT_COMMITTER_NAME: 'Acme CI',
        GIT_COMMITTER_EMAIL: 'ci@acme.invalid',
        GIT_AUTHOR_DATE: '2025-06-07T08:09:10Z',
        GIT_COMMITTER_DATE: '2025-06-07T08:09:10Z',
      },
    });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', `acme ${version}`);
  return dir;
}
