/**
 * Helpers for tests that drive real cargo against the test registry: copy a fixture crate at
 * a chosen version, make a private CARGO_HOME that knows the registry, and run cargo in it.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../harness/run-action.js';

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'crates');
/** The version the fixtures are written at; copies replace it. */
const FIXTURE_VERSION = '0.1.0';

function rewriteVersions(dir: string, version: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) rewriteVersions(path, version);
    else if (name === 'Cargo.toml')
      writeFileSync(path, readFileSync(path, 'utf8').replaceAll(`"${FIXTURE_VERSION}"`, `"${version}"`));
  }
}

/**
 * Copy test/fixtures/crates/<fixture> into `dest` (created), every version set to `version`.
 * `single` is a one-file crate, `workspace` two crates where one depends on the other, and
 * `library` a real library's source (semver 1.0.14, renamed) for the publish benchmark.
 */
export function copyCrateFixture(
  fixture: 'single' | 'workspace' | 'library',
  dest: string,
  version: string,
): string {
  mkdirSync(dest, { recursive: true });
  cpSync(join(FIXTURES, fixture), dest, { recursive: true });
  rewriteVersions(dest, version);
  return dest;
}

/**
 * A private CARGO_HOME whose config.toml names the test registry `registryName`. The token
 * provider is named explicitly: cargo insists on that before it sends a token to an index.
 */
export function makeCargoHome(indexUrl: string, registryName = 'local'): string {
  const home = mkdtempSync(join(tmpdir(), 'da-cargo-home-'));
  writeFileSync(
    join(home, 'config.toml'),
    `[registries.${registryName}]\nindex = "${indexUrl}"\ncredential-provider = "cargo:token"\n\n[net]\nretry = 0\n`,
  );
  return home;
}

export interface CargoRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run cargo with a private home; never throws on a non-zero exit. */
export function cargo(
  args: string[],
  options: { cwd: string; home: string; env?: Record<string, string> },
): Promise<CargoRun> {
  return new Promise((resolve) => {
    execFile(
      'cargo',
      args,
      {
        cwd: options.cwd,
        env: { ...process.env, CARGO_HOME: options.home, CARGO_TERM_COLOR: 'never', ...options.env },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** A consumer crate that depends on `dependency = "=version"` from the test registry. */
export function makeConsumer(
  dir: string,
  dependency: string,
  version: string,
  registryName = 'local',
): string {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'Cargo.toml'),
    `[package]\nname = "da-consumer"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n[dependencies]\n${dependency} = { version = "=${version}", registry = "${registryName}" }\n`,
  );
  writeFileSync(join(dir, 'src', 'lib.rs'), '');
  return dir;
}

/** The versions the consumer's Cargo.lock resolved for `name`. */
export function lockedVersions(dir: string, name: string): string[] {
  const lock = readFileSync(join(dir, 'Cargo.lock'), 'utf8');
  return [...lock.matchAll(/\[\[package\]\]\nname = "([^"]+)"\nversion = "([^"]+)"/g)]
    .filter((m) => m[1] === name)
    .map((m) => m[2]);
}
