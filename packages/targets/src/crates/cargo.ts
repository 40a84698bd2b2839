/**
 * Running cargo for a publish: a private CARGO_HOME under the run's temp folder (so no user
 * config or credential file is read or written), the token only in cargo's environment
 * variable, and cargo's failures sorted into what to do next.
 */
import { UserError } from '@deploy-actions/action-kit/errors';
import { exec, execOk, which, type ExecResult } from '@deploy-actions/action-kit/exec';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { cargoIndexUrl } from './client.js';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CratesSettings } from './read-settings.js';
import type { CargoMetadata } from './workspace.js';

export class CargoMissingError extends UserError {
  readonly title = 'cargo not found';
  constructor() {
    super(
      'cargo was not found on PATH',
      'Install a Rust toolchain before this step (e.g. dtolnay/rust-toolchain@stable).',
    );
  }
}

export interface Cargo {
  home: string;
  /** The environment every cargo call gets; the token is added per call. */
  env: Record<string, string>;
}

const toml = (value: string) => JSON.stringify(value);

/**
 * Make the private CARGO_HOME: config.toml names the registry; the user's download caches are
 * linked in (read-mostly, no credentials) so verification does not download every dependency again.
 */
export async function prepareCargo(
  tempDir: string,
  settings: CratesSettings,
  env: NodeJS.ProcessEnv,
): Promise<Cargo> {
  if (!(await which('cargo'))) throw new CargoMissingError();
  const home = join(tempDir, 'cargo-home');
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const lines = ['# written by deploy-actions for one publish; removed when the step ends'];
  // The token provider is named because cargo sends no token to a private (auth-required)
  // index without one; cargo:token reads the environment variable we set, nothing else.
  if (settings.registryName)
    lines.push(
      `[registries.${settings.registryName}]`,
      `index = ${toml(cargoIndexUrl(settings.indexUrl))}`,
      'credential-provider = "cargo:token"',
    );
  writeFileSync(join(home, 'config.toml'), lines.join('\n') + '\n', { mode: 0o600 });
  const userHome = env.CARGO_HOME || join(homedir(), '.cargo');
  for (const cache of ['registry', 'git']) {
    const source = join(userHome, cache);
    if (existsSync(source) && !existsSync(join(home, cache))) symlinkSync(source, join(home, cache));
  }
  return {
    home,
    env: { CARGO_HOME: home, CARGO_TERM_COLOR: 'never', CARGO_TERM_PROGRESS_WHEN: 'never' },
  };
}

/** The workspace as cargo sees it (members, versions, path dependencies); no network. */
export async function cargoMetadata(cargo: Cargo, manifest: string): Promise<CargoMetadata> {
  const result = await execOk(
    'cargo',
    ['metadata', '--format-version', '1', '--no-deps', '--manifest-path', manifest],
    {
      cwd: dirname(manifest),
      env: cargo.env,
      timeoutMs: 120_000,
    },
  );
  return JSON.parse(result.stdout) as CargoMetadata;
}

export interface PublishArgs {
  manifest: string;
  registryName?: string;
  verify: boolean;
  allowDirty: boolean;
}

/** cargo publish's argv: no secret is ever part of it. */
export function publishArgs(args: PublishArgs): string[] {
  return [
    'publish',
    '--manifest-path',
    args.manifest,
    ...(args.registryName ? ['--registry', args.registryName] : []),
    ...(args.verify ? [] : ['--no-verify']),
    ...(args.allowDirty ? ['--allow-dirty'] : []),
  ];
}

export function yankArgs(name: string, version: string, registryName?: string): string[] {
  return ['yank', '--version', version, ...(registryName ? ['--registry', registryName] : []), name];
}

/** Run cargo with the token in its variable, streaming its lines to the log. */
export function runCargo(
  cargo: Cargo,
  args: string[],
  options: { cwd: string; tokenEnv: string; token: string; reporter: Reporter },
): Promise<ExecResult> {
  return exec('cargo', args, {
    cwd: options.cwd,
    env: { ...cargo.env, [options.tokenEnv]: options.token },
    timeoutMs: 30 * 60_000,
    onLine: (line) => options.reporter.info(line),
  });
}

export type CargoFailure = 'auth' | 'exists' | 'transient' | 'fatal';

/** What a failed cargo publish/yank means, from what it printed. */
export function classifyCargoFailure(
  result: Pick<ExecResult, 'stdout' | 'stderr' | 'timedOut'>,
): CargoFailure {
  const text = `${result.stderr}\n${result.stdout}`;
  if (/already exists|is already uploaded/i.test(text)) return 'exists';
  if (
    /status 40[13]\b|authentication|unauthori[sz]ed|forbidden|no token found|non-empty token|token.*(invalid|expired|revoked)/i.test(
      text,
    )
  )
    return 'auth';
  if (
    result.timedOut ||
    /status (5\d\d|429|408)\b|timed? ?out|timeout|connection (reset|refused|closed)|spurious network error|failed to send request|could not resolve host|network failure|broken pipe/i.test(
      text,
    )
  )
    return 'transient';
  return 'fatal';
}

/** The lines worth quoting from cargo's output: the error and its causes. */
export function cargoErrorSummary(result: Pick<ExecResult, 'stdout' | 'stderr'>): string {
  const lines = result.stderr.split('\n').map((l) => l.trim());
  const start = lines.findIndex((l) => l.startsWith('error'));
  const relevant = (start >= 0 ? lines.slice(start) : lines.slice(-6)).filter(
    (l) => l && !/^Caused by:$/.test(l),
  );
  return relevant
    .join(' ')
    .replace(/^error:\s*/, '')
    .slice(0, 600);
}
