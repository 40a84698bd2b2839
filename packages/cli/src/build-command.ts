/** `deploy-actions build`: the config's build:, every platform (or --platform ones), as the release runs it. */
import { requireBuild, runBuild } from '@deploy-actions/release/build';
import type { CliContext } from './context.js';
import { textTable } from './table.js';

export async function buildCommand(ctx: CliContext): Promise<number> {
  const config = await ctx.config();
  const build = requireBuild(config, 'Add build: with the command that builds (see the README).');
  const version = await ctx.version(config);
  const report = await ctx.withTempDir((tempDir) =>
    runBuild({
      build,
      version: version.version,
      only: ctx.list('platform'),
      input: '--platform',
      workspace: ctx.cwd,
      tempDir,
      env: process.env,
      reporter: ctx.reporter,
    }),
  );
  ctx.print(
    textTable(
      ['platform', 'archive', 'sha256', 'time'],
      report.archives.map((a) => [a.platform, a.path, a.sha256, `${(a.durationMs / 1000).toFixed(1)}s`]),
    ) +
      `checksums: ${report.sums}\n` +
      (report.artifacts.length ? `artifacts: ${report.artifacts.join(', ')}\n` : '') +
      `build ${version.version}: ${report.archives.length} archive(s) in ${(report.durationMs / 1000).toFixed(1)}s\n`,
    {
      version: version.version,
      archives: report.archives.map((a) => ({
        platform: a.platform,
        os: a.os,
        arch: a.arch,
        name: a.name,
        path: a.path,
        sha256: a.sha256,
        'duration-ms': a.durationMs,
      })),
      sums: report.sums,
      artifacts: report.artifacts,
      'duration-ms': report.durationMs,
    },
  );
  return 0;
}
