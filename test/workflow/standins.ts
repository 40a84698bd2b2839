/**
 * Stand-ins for the `actions/*` the templates use, doing locally what the real ones do on GitHub:
 * checkout (real `git` from the fixture repository at the event's ref), setup-node (checks the
 * requested major against the node running), upload-artifact / download-artifact (the run's
 * artifact store), upload-pages-artifact / deploy-pages. Each accepts only the majors listed in
 * RUNTIMES, which also records what the real action at that major declares (`node20`, `node24`…).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { git } from './contexts.js';
import type { StepBodyResult, StepExec } from './steps.js';

/** Per action and major: the runtime its action.yml declares (checked against each release). */
const RUNTIMES: Record<string, Record<string, string>> = {
  checkout: { v4: 'node20', v5: 'node24', v6: 'node24' },
  'setup-node': { v4: 'node20', v5: 'node24', v6: 'node24' },
  'upload-artifact': { v4: 'node20', v5: 'node20', v6: 'node24', v7: 'node24' },
  'download-artifact': { v4: 'node20', v5: 'node20', v6: 'node20', v7: 'node24', v8: 'node24' },
  'upload-pages-artifact': { v3: 'composite', v4: 'composite' },
  'deploy-pages': { v4: 'node20' },
};

/** The runtime of `actions/<name>@<version>`, or (without version) the majors supported. */
export function standInRuntime(name: string, version?: string): string | undefined {
  const versions = RUNTIMES[name];
  if (!versions) return undefined;
  if (version === undefined) return Object.keys(versions).join(', ');
  return versions[version.split('.')[0]];
}

const bool = (value: string | undefined) => value === 'true';

function hasPermission(exec: StepExec, scope: string): boolean {
  const perms = exec.state.permissions;
  if (perms === 'write-all') return true;
  return typeof perms === 'object' && perms[scope] === 'write';
}

function checkout(inputs: Record<string, string>, exec: StepExec): StepBodyResult {
  const { state } = exec;
  const { event, options } = state.facts;
  const repository = inputs.repository || (options.repositoryName ?? 'acme/app');
  if (repository !== (options.repositoryName ?? 'acme/app'))
    return {
      exitCode: 1,
      error: `checkout of another repository (${repository}) is not supported by the local runner`,
    };
  const target = resolve(state.workspace, inputs.path || '.');
  if (relative(state.workspace, target).startsWith('..'))
    return { exitCode: 1, error: `Repository path '${target}' is not under '${state.workspace}'` };
  const depth = Number(inputs['fetch-depth'] || '1');
  const source = options.repository;
  // What to fetch: the input ref (branch, tag, full ref or sha), else the event's ref and sha.
  let ref = event.ref;
  let sha = event.sha;
  if (inputs.ref) {
    const candidates = inputs.ref.startsWith('refs/')
      ? [inputs.ref]
      : [`refs/heads/${inputs.ref}`, `refs/tags/${inputs.ref}`, inputs.ref];
    const found = candidates.find((c) => {
      try {
        git(source, 'rev-parse', '--verify', '--quiet', `${c}^{commit}`);
        return true;
      } catch {
        return false;
      }
    });
    if (!found)
      return { exitCode: 1, error: `A branch or tag with the name '${inputs.ref}' could not be found` };
    ref = found.startsWith('refs/') ? found : '';
    sha = git(source, 'rev-parse', `${found}^{commit}`);
  }
  exec.line(`Syncing repository: ${repository}`);
  mkdirSync(target, { recursive: true });
  git(target, 'init', '-q');
  git(target, 'remote', 'add', 'origin', `file://${source}`);
  const local = ref.startsWith('refs/heads/')
    ? `refs/remotes/origin/${ref.slice('refs/heads/'.length)}`
    : ref.startsWith('refs/tags/')
      ? ref
      : ref
        ? ref.replace(/^refs\//, 'refs/remotes/')
        : '';
  const fetch = ['-c', 'protocol.version=2', 'fetch', '--prune', '--no-recurse-submodules', '-q'];
  if (depth > 0) fetch.push(`--depth=${depth}`);
  if (depth === 0)
    fetch.push('--tags', 'origin', '+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*');
  else
    fetch.push(
      bool(inputs['fetch-tags']) ? '--tags' : '--no-tags',
      'origin',
      local ? `+${sha}:${local}` : sha,
    );
  git(target, ...fetch);
  if (ref.startsWith('refs/heads/')) {
    const branch = ref.slice('refs/heads/'.length);
    git(target, 'checkout', '-q', '--force', '-B', branch, `refs/remotes/origin/${branch}`);
  } else {
    git(target, '-c', 'advice.detachedHead=false', 'checkout', '-q', '--force', sha);
  }
  exec.line(`Checked out ${ref || sha} at ${sha} (fetch-depth ${depth}) into ${target}`);
  exec.outputs.ref = ref;
  exec.outputs.commit = sha;
  return { exitCode: 0 };
}

function setupNode(inputs: Record<string, string>, exec: StepExec): StepBodyResult {
  const running = process.versions.node;
  const major = Number(running.split('.')[0]);
  const spec = (inputs['node-version'] || '').trim();
  if (spec && !['lts/*', 'latest', 'current', 'node'].includes(spec)) {
    const wanted = /(\d+)/.exec(spec)?.[1];
    const ok = spec.startsWith('>=') ? major >= Number(wanted) : Number(wanted) === major;
    if (!wanted || !ok)
      return {
        exitCode: 1,
        error: `setup-node: node-version '${spec}' requested, the runner has Node ${running} (the local runner installs no other version)`,
      };
  }
  exec.line(`Found in cache @ ${process.execPath}`);
  writeFileSync(exec.files.GITHUB_PATH, `${dirname(process.execPath)}\n`);
  exec.outputs['node-version'] = `v${running}`;
  if (inputs['registry-url']) {
    // As setup-node does: an npmrc in RUNNER_TEMP pointing at the registry, auth from NODE_AUTH_TOKEN.
    const url = new URL(inputs['registry-url']);
    const npmrc = join(exec.state.runnerTemp, '.npmrc');
    const base = `${url.host}${url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`}`;
    const scope = inputs.scope ? `${inputs.scope.startsWith('@') ? inputs.scope : `@${inputs.scope}`}:` : '';
    writeFileSync(npmrc, `//${base}:_authToken=\${NODE_AUTH_TOKEN}\n${scope}registry=${url.href}\n`);
    writeFileSync(
      exec.files.GITHUB_ENV,
      `NPM_CONFIG_USERCONFIG=${npmrc}\nNODE_AUTH_TOKEN=${exec.state.env.NODE_AUTH_TOKEN ?? 'XXXXX-XXXXX-XXXXX-XXXXX'}\n`,
    );
  }
  return { exitCode: 0 };
}

function uploadArtifact(inputs: Record<string, string>, exec: StepExec, pages = false): StepBodyResult {
  const { state } = exec;
  const name = inputs.name || (pages ? 'github-pages' : 'artifact');
  let path = inputs.path;
  if (pages) {
    // upload-pages-artifact archives the folder's contents, without .git and .github.
    const folder = inputs.path || '_site/';
    path = `${folder}\n!${join(folder, '.git')}\n!${join(folder, '.github')}`;
  }
  if (!path) return { exitCode: 1, error: 'Input required and not supplied: path' };
  const result = state.store.upload({
    name,
    path,
    workspace: state.workspace,
    ifNoFilesFound: pages
      ? 'error'
      : ((inputs['if-no-files-found'] || 'warn') as 'warn' | 'error' | 'ignore'),
    includeHiddenFiles: pages || bool(inputs['include-hidden-files']),
    overwrite: bool(inputs.overwrite),
    job: state.label,
  });
  if (result.failed) return { exitCode: 1, error: result.message };
  if (result.message) exec.line(`::warning::${result.message}`);
  if (!result.record) return { exitCode: 0 };
  const id = String(state.store.ids[name]);
  exec.line(
    `Artifact ${name} has been successfully uploaded! Final size is ${result.record.files.length} file(s).`,
  );
  exec.outputs['artifact-id'] = id;
  exec.outputs['artifact-url'] =
    `${state.runnerEnv.GITHUB_SERVER_URL}/${state.runnerEnv.GITHUB_REPOSITORY}/actions/runs/${state.runnerEnv.GITHUB_RUN_ID}/artifacts/${id}`;
  return { exitCode: 0 };
}

function downloadArtifact(inputs: Record<string, string>, exec: StepExec): StepBodyResult {
  const { state } = exec;
  const path = resolve(state.workspace, inputs.path || '.');
  const names = state.store.download({
    name: inputs.name || undefined,
    pattern: inputs.pattern || undefined,
    path,
    mergeMultiple: bool(inputs['merge-multiple']),
  });
  exec.line(`Total of ${names.length} artifact(s) downloaded: ${names.join(', ')}`);
  exec.outputs['download-path'] = path;
  return { exitCode: 0 };
}

function deployPages(inputs: Record<string, string>, exec: StepExec): StepBodyResult {
  const { state } = exec;
  if (!hasPermission(exec, 'pages') || !hasPermission(exec, 'id-token'))
    return {
      exitCode: 1,
      error:
        'Ensure GITHUB_TOKEN has permission "id-token: write" and "pages: write" (deploy-pages needs both)',
    };
  const artifact = inputs.artifact_name || 'github-pages';
  const record = state.store.artifacts[artifact];
  if (!record) return { exitCode: 1, error: `No artifact named ${artifact} was uploaded in this run` };
  const [owner, repo] = state.runnerEnv.GITHUB_REPOSITORY.split('/');
  const pageUrl = `https://${owner}.github.io/${repo}/`;
  state.pages.push({ job: state.label, artifact, pageUrl, files: record.files });
  exec.line(`Reported success! Deployed to ${pageUrl}`);
  exec.outputs.page_url = pageUrl;
  return { exitCode: 0 };
}

export async function runStandIn(
  name: string,
  inputs: Record<string, string>,
  exec: StepExec,
): Promise<StepBodyResult> {
  switch (name) {
    case 'checkout':
      return checkout(inputs, exec);
    case 'setup-node':
      return setupNode(inputs, exec);
    case 'upload-artifact':
      return uploadArtifact(inputs, exec);
    case 'upload-pages-artifact':
      return uploadArtifact(inputs, exec, true);
    case 'download-artifact':
      return downloadArtifact(inputs, exec);
    case 'deploy-pages':
      return deployPages(inputs, exec);
    default:
      return { exitCode: 1, error: `unsupported action actions/${name}` };
  }
}
