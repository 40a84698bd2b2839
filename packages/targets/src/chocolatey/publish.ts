/**
 * Chocolatey: a .nupkg whose install script downloads the release's Windows archive (checked by
 * its SHA-256), pushed to a NuGet v2 feed (`PUT <registry>/api/v2/package/`, multipart, the key
 * in `X-NuGet-ApiKey`). Published = the feed's `Packages(Id,Version)` answers. The community
 * repository moderates every version: a pushed one waits for review (a notice, the release
 * stays green), and pushing it again answers 409, which is `skipped`, never retried. A feed
 * never takes a version twice, so `force` on one that is there is refused; nothing can be
 * rolled back from here (a moderator or the owner unlists a version on the site).
 */
import { InputError, RegistryError } from '@deploy-actions/action-kit/errors';
import { AlreadyDoneSignal } from '@deploy-actions/action-kit/http';
import { requireBinaries, type BinaryRelease } from '../binaries/release.js';
import { buildMultipart } from '../pypi/multipart.js';
import { semverOf, type Publish, type PublishResult, type Rollback } from '../publish-types.js';
import { ChocolateyClient, pushUrl, registryLabel, type VersionState } from './client.js';
import { checkPackageId, nupkg, packageFiles, type NuspecFields } from './nupkg.js';
import { chocolateyVersion } from './version.js';

const MODERATION_NOTE =
  'awaiting moderation: the Chocolatey moderators review every version before `choco install` finds it';

function text(input: string, value: string | undefined, max: number): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > max) throw InputError.bad(input, value, `is longer than ${max} characters`);
  return trimmed;
}

function url(input: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^https?:\/\/[^\s<>"]+$/i.test(value)) throw InputError.bad(input, value, 'is not an http(s) URL');
  return value;
}

export function nuspecFields(
  settings: Record<string, unknown>,
  release: BinaryRelease,
  id: string,
  version: string,
): NuspecFields {
  const str = (key: string) => (typeof settings[key] === 'string' ? String(settings[key]) : undefined);
  const description = text('description', str('description') ?? release.description, 16_000);
  if (!description)
    throw InputError.missing('description', 'Set description: the repository has no description to use.');
  const tags = (Array.isArray(settings.tags) && settings.tags.length ? settings.tags.map(String) : [id]).map(
    (tag) => {
      if (!/^[^\s<>&"']{1,50}$/.test(tag))
        throw InputError.bad('tags', tag, 'is not a tag (no spaces or < > & quotes, at most 50 characters)');
      return tag;
    },
  );
  const owner = release.repository.split('/')[0];
  const homepage = release.homepage && /^https?:\/\//i.test(release.homepage) ? release.homepage : undefined;
  return {
    id,
    version,
    title: text('title', str('title'), 256) ?? id,
    authors: text('authors', str('authors'), 4000) ?? owner,
    projectUrl: url('project-url', str('project-url')) ?? homepage ?? release.repositoryUrl,
    licenseUrl:
      url('license-url', str('license-url')) ??
      (release.license ? `${release.repositoryUrl}/blob/HEAD/LICENSE` : undefined),
    packageSourceUrl: url('package-source-url', str('package-source-url')) ?? release.repositoryUrl,
    description,
    tags,
    releaseNotes: release.releaseUrl,
  };
}

export const publish: Publish = async (settings, ctx) => {
  const id = checkPackageId(typeof settings.id === 'string' ? settings.id : '');
  const version = chocolateyVersion(semverOf(ctx.version, 'Chocolatey'));
  const registry = typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined;
  const label = registryLabel(registry);
  const release = await requireBinaries(ctx, 'windows');
  const files = packageFiles(nuspecFields(settings, release, id, version), release);
  const client = new ChocolateyClient(id, { http: ctx.http, registry });
  const renamed =
    version === ctx.version.version
      ? []
      : [`published as ${version} (Chocolatey's SemVer 1 form of ${ctx.version.version})`];
  const done = (status: 'published' | 'skipped', state: VersionState, why: string): PublishResult => ({
    status,
    url: client.url(version),
    notes: [why, ...renamed, ...(state === 'moderation' ? [MODERATION_NOTE] : [])],
  });

  const state = await client.state(version);
  if (state !== 'absent') {
    if (ctx.force)
      throw new RegistryError(
        label,
        `${id} ${version} is already pushed${state === 'moderation' ? ' (in moderation)' : ''}, and a NuGet feed never takes a version twice: force cannot replace it`,
        'Release a new version (Chocolatey package fixes use a fourth part, e.g. 1.2.3.20240101, only by hand).',
      );
    if (state === 'moderation') ctx.reporter.notice(`${id} ${version}: ${MODERATION_NOTE}`);
    return done('skipped', state, `${id} ${version} is already on ${label}`);
  }
  const bytes = await nupkg(files);
  const fileName = `${id}.${version}.nupkg`;
  if (ctx.dryRun) {
    await ctx.reporter.group(`${fileName}`, async () => {
      for (const [path, content] of Object.entries(files)) ctx.reporter.info(`${path}:\n${content}`);
    });
    return {
      status: 'dry-run',
      notes: [
        `would build ${fileName} (${bytes.length} bytes): ${Object.keys(files).join(', ')}`,
        `would PUT ${pushUrl(registry)} (multipart, X-NuGet-ApiKey)`,
        ...renamed,
      ],
    };
  }
  if (!ctx.token)
    throw InputError.missing(
      'token',
      `Set CHOCOLATEY_API_KEY (or the token input, or token-env) to your API key of ${label}, to push ${id}.`,
    );
  const form = buildMultipart([], { field: 'package', filename: fileName, data: bytes });
  let res;
  try {
    res = await ctx.http.request({
      method: 'PUT',
      url: pushUrl(registry),
      headers: {
        'content-type': form.contentType,
        'x-nuget-apikey': ctx.token,
        'x-nuget-protocol-version': '4.1.0',
      },
      body: form.body,
      timeoutMs: 10 * 60_000,
      // A push that may have landed is looked up before it is sent again.
      beforeRetry: async () => (await client.state(version)) === 'absent',
    });
  } catch (error) {
    if (!(error instanceof AlreadyDoneSignal)) throw error;
    return pushed(await client.state(version));
  }
  if (res.status === 409) {
    const now = await client.state(version).catch(() => 'moderation' as const);
    if (now === 'moderation' || now === 'absent') ctx.reporter.notice(`${id} ${version}: ${MODERATION_NOTE}`);
    return done(
      'skipped',
      now === 'approved' ? now : 'moderation',
      `${label} answered 409: ${id} ${version} was already submitted`,
    );
  }
  if (res.status === 401 || res.status === 403)
    throw new RegistryError(
      label,
      `refused the API key to push ${id} ${version} (HTTP ${res.status}${reason(res.text())})`,
      `Check CHOCOLATEY_API_KEY: it must be your current API key of ${label} (your account page), and your account must own ${id} (or the id must be new).`,
      res.status,
    );
  if (!res.ok)
    throw new RegistryError(
      label,
      `refused ${fileName} (HTTP ${res.status}${reason(res.text())})`,
      undefined,
      res.status,
    );
  return pushed(await client.state(version).catch(() => 'moderation' as const));

  function pushed(after: VersionState): PublishResult {
    if (after !== 'approved') ctx.reporter.notice(`${id} ${version}: ${MODERATION_NOTE}`);
    return done('published', after === 'approved' ? after : 'moderation', `pushed ${fileName} to ${label}`);
  }
};

/** The feed's message, short and on one line. */
function reason(body: string): string {
  const line = body
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  return line ? `: ${line}` : '';
}

/** Versions on a NuGet feed are not taken back by API; Chocolatey unlists on the site. */
export const rollback: Rollback = async () => {
  throw new InputError(
    'target',
    'a Chocolatey version cannot be rolled back by deploy-actions: the community repository never deletes a pushed version',
    'Ask the moderators to unlist it (or unlist it on your package page), and release a fixed version.',
  );
};
