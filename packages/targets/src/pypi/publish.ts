/**
 * Publish wheels and sdists to PyPI (or any index with Warehouse's legacy upload API) without
 * Python: metadata read from the files, the upload form built as twine builds it.
 *
 * Idempotent per file: PyPI's JSON API says which files of the version are there, and only the
 * missing ones are sent, so a rerun after a half-finished upload completes it. PyPI never
 * accepts a file name twice, so `force` with any file already there is an error. After a failed
 * upload (5xx, reset, timeout) the JSON API is asked whether the file landed before it is sent
 * again.
 */
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { AlreadyDoneSignal, TransientHttpError, basicAuth } from '@deploy-actions/action-kit/http';
import { addSecret } from '@deploy-actions/action-kit/secrets';
import {
  canonicalPep440,
  createClient,
  defaultUploadUrl,
  normalizeProjectName,
  registryBase,
  registryLabel,
  type PypiClient,
} from './client.js';
import { DistributionError, isCompanionFile, readDistribution, type Distribution } from './distribution.js';
import { expandGlobs } from '@deploy-actions/action-kit/glob';
import { metadataFormFields } from './metadata.js';
import { buildMultipart } from './multipart.js';
import { trustedPublishingToken } from './oidc.js';
import type { Publish, PublishContext } from '../publish-types.js';

const AUTH_HINT =
  'Use a PyPI API token (it starts with pypi-) that may upload to this project, through `token` or PYPI_TOKEN; ' +
  'it is sent as the password of the user __token__. Or set up trusted publishing for this workflow.';

const asList = (value: unknown): string[] =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];

/** The message of a refused upload: Warehouse puts it in the body (plain text or simple HTML). */
function refusal(body: string): string {
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

async function loadDistributions(
  settings: Record<string, unknown>,
  ctx: PublishContext,
  pep440: string,
): Promise<Distribution[]> {
  const patterns = asList(settings.dist);
  const globs = patterns.length ? patterns : ['dist/*'];
  const files = expandGlobs(ctx.workspace, globs, { input: 'dist', allowEmpty: true }).filter((file) => {
    if (!isCompanionFile(file)) return true;
    ctx.reporter.debug(`${file}: a signature or attestation, not uploaded on its own`);
    return false;
  });
  if (!files.length)
    throw InputError.bad(
      'dist',
      globs.join(', '),
      `matched no wheel or sdist in ${ctx.workspace}`,
      'Build the distributions first (e.g. python -m build), or fix the `dist` globs.',
    );
  const dists: Distribution[] = [];
  for (const file of files) {
    try {
      dists.push(await readDistribution(file));
    } catch (caught) {
      if (caught instanceof DistributionError)
        throw InputError.bad(
          'dist',
          caught.file,
          caught.message.slice(caught.file.length + 2),
          'Point the `dist` globs at wheels (.whl) and sdists (.tar.gz) only.',
        );
      throw caught;
    }
  }
  const project = typeof settings.package === 'string' && settings.package ? settings.package : dists[0].name;
  const seen = new Map<string, Distribution>();
  for (const dist of dists) {
    if (normalizeProjectName(dist.name) !== normalizeProjectName(project))
      throw InputError.bad(
        'dist',
        dist.filename,
        `belongs to the project ${dist.name}, not ${project}`,
        'Upload one project per target: narrow the `dist` globs or fix `package`.',
      );
    if (canonicalPep440(dist.version) !== canonicalPep440(pep440))
      throw InputError.bad(
        'dist',
        dist.filename,
        `is version ${dist.version}, but the release is ${ctx.version.version} (${pep440} in PEP 440)`,
        'Rebuild the distributions for this version, or set `version` to the version they were built for.',
      );
    const twin = seen.get(dist.filename);
    if (twin && twin.sha256 !== dist.sha256)
      throw InputError.bad(
        'dist',
        dist.filename,
        `is matched twice with different contents (${twin.path} and ${dist.path})`,
      );
    seen.set(dist.filename, dist);
  }
  return [...seen.values()];
}

function uploadForm(dist: Distribution): [string, string][] {
  return [
    [':action', 'file_upload'],
    ['protocol_version', '1'],
    ...metadataFormFields(dist.metadata),
    ['filetype', dist.filetype],
    ['pyversion', dist.pyversion],
    ['md5_digest', dist.md5],
    ['sha256_digest', dist.sha256],
  ];
}

interface Upload {
  client: PypiClient;
  uploadUrl: string;
  label: string;
  token: string;
  pep440: string;
  ctx: PublishContext;
}

/** The index's copy of the file, if it has one; a different file under the name is an error. */
async function landed(up: Upload, dist: Distribution, raced = false): Promise<boolean> {
  const remote = (await up.client.files(up.pep440)).find((f) => f.filename === dist.filename);
  if (!remote) return false;
  if (remote.sha256 && remote.sha256 !== dist.sha256)
    throw new RegistryError(
      up.label,
      `${dist.filename} is already there with different contents (sha256 ${remote.sha256} on the index, ${dist.sha256} here)${raced ? ', uploaded by another run at the same time' : ''}: PyPI forbids re-uploading a file`,
      raced
        ? 'Two release runs built this version from different sources: check which commit the published files came from; if they are wrong, yank the release and publish a new version (e.g. a .post release).'
        : 'File names on PyPI are immutable: publish a new version (e.g. a .post release) with the changed files.',
    );
  return true;
}

/** What became of one file: sent by us (even if its answer was lost), or there from another run. */
interface Sent {
  note: string;
  byUs: boolean;
}

/** Upload one file. */
async function uploadOne(up: Upload, dist: Distribution): Promise<Sent> {
  const { body, contentType } = buildMultipart(uploadForm(dist), {
    field: 'content',
    filename: dist.filename,
    data: dist.content,
  });
  up.ctx.reporter.info(
    `Uploading ${dist.filename} (${(dist.content.length / 1024).toFixed(1)} KiB) to ${up.uploadUrl}`,
  );
  let res;
  try {
    res = await up.ctx.http.request({
      method: 'POST',
      url: up.uploadUrl,
      headers: { authorization: basicAuth('__token__', up.token), 'content-type': contentType },
      body,
      // Large files get more time than the default per attempt (at least 512 KiB/s).
      timeoutMs:
        dist.content.length > 8 * 1024 * 1024 ? 30_000 + Math.ceil(dist.content.length / 512) : undefined,
      beforeRetry: async (reason) => {
        if (await landed(up, dist)) return false;
        up.ctx.reporter.info(`${dist.filename}: ${reason}; it is not on the index, sending it again`);
        return true;
      },
    });
  } catch (caught) {
    if (caught instanceof AlreadyDoneSignal)
      return { note: `${dist.filename}: landed despite ${caught.reason}`, byUs: true };
    if (caught instanceof TransientHttpError) {
      if (await landed(up, dist))
        return { note: `${dist.filename}: landed despite ${caught.reason}`, byUs: true };
      throw new Error(`uploading ${dist.filename} to ${up.uploadUrl} failed: ${caught.message}`);
    }
    throw caught;
  }
  if (res.ok) return { note: `${dist.filename}: uploaded`, byUs: true };
  const message = refusal(res.text());
  if ((res.status === 400 || res.status === 409) && /already exists/i.test(message)) {
    // Another run uploaded it between our check and our upload; the same bytes are fine, other
    // bytes fail (landed() says what differs).
    if (await landed(up, dist, true))
      return {
        note: `${dist.filename}: uploaded by another run at the same time (same sha256 as ours); skipped`,
        byUs: false,
      };
  }
  if (res.status === 401 || res.status === 403)
    throw new RegistryError(
      up.label,
      `refused the upload of ${dist.filename} (HTTP ${res.status}: ${message})`,
      AUTH_HINT,
      res.status,
    );
  throw new RegistryError(
    up.label,
    `refused ${dist.filename} (HTTP ${res.status}: ${message})`,
    res.status === 400
      ? "Fix what the index names in the distribution's metadata or file name, rebuild, and publish again."
      : undefined,
    res.status,
  );
}

export const publish: Publish = async (settings, ctx) => {
  const pep440 = ctx.version.pep440;
  if (!pep440)
    throw InputError.bad(
      'version',
      ctx.version.version,
      'has no PEP 440 form, so PyPI cannot take it',
      'Use a prerelease PEP 440 knows: -alpha.N, -beta.N, -rc.N, -dev.N or -post.N.',
    );
  const registry = registryBase(typeof settings.registry === 'string' ? settings.registry : undefined);
  const label = registryLabel(registry);
  const uploadUrl =
    typeof settings['repository-url'] === 'string' && settings['repository-url']
      ? settings['repository-url']
      : defaultUploadUrl(registry);
  // pypi.org and test.pypi.org refuse local versions (+...); other indexes (devpi...) take them.
  if (pep440.includes('+') && /^https:\/\/(?:test\.)?pypi\.org\//.test(registry))
    throw InputError.bad(
      'version',
      ctx.version.version,
      `is the PEP 440 local version ${pep440}, which ${label} refuses`,
      'Release without build metadata (+...) to PyPI, or point `registry` at an index that takes local versions.',
    );
  const dists = await loadDistributions(settings, ctx, pep440);
  const project = typeof settings.package === 'string' && settings.package ? settings.package : dists[0].name;
  const client = createClient(project, { http: ctx.http, registry, reporter: ctx.reporter });
  const url = client.url(pep440);
  const digest = dists.map((d) => `${d.sha256}  ${d.filename}`).join('\n');

  const remote = new Map((await client.files(pep440)).map((f) => [f.filename, f]));
  const present = dists.filter((d) => remote.has(d.filename));
  const missing = dists.filter((d) => !remote.has(d.filename));
  if (ctx.force && present.length)
    throw new RegistryError(
      label,
      `PyPI forbids re-uploading a file: ${present.map((d) => d.filename).join(', ')} ${present.length === 1 ? 'is' : 'are'} already published for ${project} ${pep440}`,
      'Files on PyPI are immutable even with force: publish a new version (e.g. a .post release) instead.',
    );
  const notes = present.map((d) => {
    const theirs = remote.get(d.filename)!.sha256;
    if (theirs && theirs !== d.sha256)
      ctx.reporter.warning(
        `${d.filename} on ${label} differs from the local file (sha256 ${theirs}); it is kept as it is`,
      );
    return `${d.filename}: already on ${label}`;
  });
  if (!missing.length)
    return {
      status: 'skipped',
      url,
      digest,
      notes: [`${project} ${pep440}: every file is already published`, ...notes],
    };
  if (ctx.dryRun)
    return {
      status: 'dry-run',
      url,
      digest,
      notes: [...missing.map((d) => `${d.filename}: would be uploaded to ${uploadUrl}`), ...notes],
    };

  const token = ctx.token ?? (await trustedPublishingToken(registry, label, ctx.http, ctx.env));
  if (!token)
    throw InputError.missing(
      'token',
      'Set PYPI_TOKEN (or the `token` input) to a PyPI API token, or grant `permissions: id-token: write` for trusted publishing.',
    );
  addSecret(token);
  const up: Upload = { client, uploadUrl, label, token, pep440, ctx };
  const sent: Sent[] = [];
  // Warehouse answers 200 to a second upload of the same file and stores nothing, so a run that
  // uploads what another run of the same release just uploaded cannot tell from the answer: ask
  // again just before sending (the first check may be minutes old after a token exchange).
  const now = new Map((await client.files(pep440)).map((f) => [f.filename, f]));
  for (const dist of missing) {
    if (now.has(dist.filename) && (await landed(up, dist, true)))
      sent.push({
        note: `${dist.filename}: uploaded by another run at the same time (same sha256 as ours); skipped`,
        byUs: false,
      });
    else sent.push(await uploadOne(up, dist));
  }
  // Every file we meant to send was uploaded by another run: that run published, this one skipped.
  const status = sent.some((s) => s.byUs) ? 'published' : 'skipped';
  return { status, url, digest, notes: [...sent.map((s) => s.note), ...notes] };
};
