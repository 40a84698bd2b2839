import { appendSummary, info, markdownTable, runAction, setOutput } from '@deploy-actions/action-kit';
import { workspace } from '@deploy-actions/action-kit/paths';
import { detectVersion } from '@deploy-actions/version';
import { getInputs } from './inputs.js';

export function run(): Promise<void> {
  return runAction('detect-version', async () => {
    const input = getInputs();
    const detected = await detectVersion({
      version: input.version,
      tag: input.tag,
      sources: input.sources,
      tagPrefix: input['tag-prefix'],
      requireMatch: input['require-match'],
      cwd: input['working-directory'],
      root: workspace(),
    });
    info(`Version ${detected.version} (from ${detected.source})`);
    setOutput('version', detected.version);
    setOutput('tag', detected.tag);
    setOutput('major', detected.major);
    setOutput('minor', detected.minor);
    setOutput('patch', detected.patch);
    setOutput('prerelease', detected.prerelease);
    setOutput('build', detected.build);
    setOutput('is-prerelease', detected.isPrerelease);
    setOutput('pep440', detected.pep440);
    setOutput('source', detected.source);
    await appendSummary(
      `### Version ${detected.version}\n\n` +
        markdownTable(
          ['source', 'version', ''],
          detected.found.map((f) => [f.source, f.value, f.source === detected.source ? 'chosen' : 'agrees']),
        ),
    );
  });
}
