import { ConfigError } from '@deploy-actions/action-kit/errors';
import {
  appendSummary,
  info,
  markdownTable,
  runAction,
  runnerReporter,
  setOutput,
} from '@deploy-actions/action-kit';
import { workspace } from '@deploy-actions/action-kit/paths';
import { loadConfig, resolveVersion, runBuild, selectPlatforms, SUMS_FILE } from '@deploy-actions/release';
import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { getInputs } from './inputs.js';

export function run(): Promise<void> {
  return runAction('build', async ({ tempDir }) => {
    const input = getInputs();
    const root = workspace();
    const config = await loadConfig(resolve(root, input.config));
    if (!config.build)
      throw new ConfigError(
        config.file,
        undefined,
        'build',
        'has no build: section',
        'Add build: with the command that builds, or remove this step.',
      );
    const build = config.build;
    const platforms = selectPlatforms(build, input.platform, 'platform');
    const { version } = await resolveVersion({
      version: input.version,
      ref: process.env.GITHUB_REF,
      config,
      cwd: root,
    });
    const report = await runBuild({
      build,
      version,
      only: platforms.map((p) => p.platform),
      workspace: root,
      tempDir,
      env: process.env,
      reporter: runnerReporter,
    });
    // One folder with the archives and artifacts at their workspace paths, for
    // actions/upload-artifact: downloaded into another job's workspace (merge-multiple), every
    // file lands where the targets look for it. SHA256SUMS only when this job built every
    // platform: each fan-out job would otherwise bring its own, and the release writes it anyway.
    const stage = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'deploy-actions-build-'));
    const everything = platforms.length === build.platforms.length;
    const files = [
      ...report.archives.map((a) => a.path),
      ...(everything ? [report.sums] : []),
      ...report.artifacts,
    ];
    for (const file of files) {
      const to = join(stage, file);
      mkdirSync(dirname(to), { recursive: true });
      copyFileSync(join(root, file), to);
    }
    setOutput('version', version);
    setOutput('path', stage);
    setOutput('files', files.join('\n'));
    setOutput(
      'archives',
      JSON.stringify(
        report.archives.map((a) => ({ platform: a.platform, name: a.name, path: a.path, sha256: a.sha256 })),
      ),
    );
    setOutput('sums', everything ? report.sums : '');
    for (const file of files) info(`built ${file}`);
    await appendSummary(
      `### Build ${version}\n\n` +
        markdownTable(
          ['platform', 'archive', 'sha256', 'time'],
          report.archives.map((a) => [a.platform, a.name, a.sha256, `${(a.durationMs / 1000).toFixed(1)} s`]),
        ) +
        (report.artifacts.length ? `\nArtifacts: ${report.artifacts.join(', ')}\n` : '') +
        (everything ? `\n${SUMS_FILE}: ${report.sums}\n` : ''),
    );
  });
}
