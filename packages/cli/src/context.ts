/** What every CLI command shares: config, workspace, version, reporter, output mode. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InputError } from '@deploy-actions/action-kit/errors';
import { HttpClient } from '@deploy-actions/action-kit/http';
import { kindOf } from '@deploy-actions/action-kit/paths';
import { ConsoleReporter, terminalText, type Reporter } from '@deploy-actions/action-kit/log';
import { defuseJson } from '@deploy-actions/action-kit/safe-text';
import { redact } from '@deploy-actions/action-kit/secrets';
import { parseList } from '@deploy-actions/action-kit/parse';
import {
  DEFAULT_CONFIG_FILE,
  loadConfig,
  resolveVersion,
  selectEnvironment,
  type ReleaseConfig,
} from '@deploy-actions/release';
import { Progress } from './progress.js';
import type { DetectedVersion } from '@deploy-actions/version';

/** `--cwd` (default: the current folder), which must be a folder. */
function projectFolder(flag: string | undefined): string {
  const dir = resolve(flag ?? process.cwd());
  if (flag === undefined) return dir;
  let problem: string | undefined;
  try {
    const stat = statSync(dir);
    if (!stat.isDirectory()) problem = `is ${kindOf(stat)}, not a folder`;
  } catch (caught) {
    const code = (caught as NodeJS.ErrnoException).code;
    problem =
      code === 'ENOENT' || code === 'ENOTDIR' ? 'was not found' : `cannot be used (${code ?? 'error'})`;
  }
  if (problem) throw InputError.bad('--cwd', flag, problem, 'Point --cwd at the project folder.');
  return dir;
}

export class CliContext {
  readonly cwd: string;
  readonly json: boolean;
  readonly reporter: Reporter;
  readonly http: HttpClient;
  /** Per target and per gate round, in a terminal (see progress.ts). */
  readonly progress: Progress;
  private configCache?: ReleaseConfig;

  constructor(readonly flags: Record<string, string | boolean>) {
    this.cwd = projectFolder(this.string('cwd'));
    this.json = this.flags.json === true;
    this.progress = Progress.for(this.json);
    this.reporter = new ConsoleReporter(this.flags.verbose === true, this.progress.stream);
    this.http = new HttpClient({ reporter: this.reporter });
  }

  string(name: string): string | undefined {
    const value = this.flags[name];
    return typeof value === 'string' && value.trim() ? value.trim() : undefined;
  }

  bool(name: string): boolean {
    return this.flags[name] === true;
  }

  list(name: string): string[] {
    return parseList(this.string(name) ?? '');
  }

  get configPath(): string {
    return resolve(this.cwd, this.string('config') ?? DEFAULT_CONFIG_FILE);
  }

  async config(): Promise<ReleaseConfig> {
    // --env: that environment's deploy: and registries, for every command.
    this.configCache ??= selectEnvironment(
      await loadConfig(this.configPath, '--config'),
      this.string('env'),
      '--env',
    );
    return this.configCache;
  }

  version(config: ReleaseConfig | undefined): Promise<DetectedVersion> {
    return resolveVersion({
      version: this.string('version'),
      ref: this.string('ref') ?? process.env.GITHUB_REF,
      config,
      cwd: this.cwd,
    });
  }

  /** A private folder for credential files, removed when `fn` ends. */
  async withTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
    const dir = mkdtempSync(join(tmpdir(), 'deploy-actions-'));
    try {
      return await fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /**
   * The command's answer on stdout: secrets redacted and nothing a runner would read as a
   * workflow command (the CLI may run in a GitHub `run:` step). JSON stays the same value.
   */
  print(human: string, machine: unknown): void {
    process.stdout.write(
      this.json
        ? defuseJson(redact(JSON.stringify(machine, null, 2))) + '\n'
        : human && terminalText(human.replace(/\n$/, ''), false) + '\n',
    );
  }
}
