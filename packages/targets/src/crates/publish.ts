/**
 * crates.io (and other cargo registries): publish a crate, or a workspace's crates in
 * dependency order, with `cargo publish`; take a bad release back with `cargo yank`.
 * Idempotent per crate: what the sparse index lists is skipped; a version can never be
 * replaced, so `force` over an existing version is refused.
 */
import { RegistryError, userMessage } from '@deploy-actions/action-kit/errors';
import {
  clientFor,
  CratesIndex,
  latestUnyanked,
  withoutBuildMetadata,
  type CratesClient,
  type IndexEntry,
} from './client.js';
import { crateNameFromManifest } from './manifest.js';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { publishToken } from './auth.js';
import {
  cargoErrorSummary,
  cargoMetadata,
  classifyCargoFailure,
  prepareCargo,
  publishArgs,
  runCargo,
  yankArgs,
  type Cargo,
} from './cargo.js';
import { parseCratesSettings, type CratesSettings } from './read-settings.js';
import { standaloneMetadata } from './standalone.js';
import { uploadCrate, waitForIndex, type UploadContext } from './upload.js';
import { checkVersions, publishOrder, selectCrates, type WorkspaceCrate } from './workspace.js';
import type { Publish, PublishContext, Rollback, RollbackContext } from '../publish-types.js';
import { concurrencySetting, failureReport, runWaves, wavesOf, WorkspacePublishError } from '../waves.js';
import { redact } from '@deploy-actions/action-kit/secrets';
import semver from 'semver';

interface Plan {
  settings: CratesSettings;
  cargo: Cargo;
  /** In publish order: dependencies first. */
  crates: WorkspaceCrate[];
  /** The crate the target stands for (as check-published identifies it): its URL is the result's. */
  primary: WorkspaceCrate;
  client(name: string): CratesClient;
}

async function plan(
  raw: Record<string, unknown>,
  context: Omit<PublishContext, 'version' | 'force'>,
): Promise<Plan> {
  const settings = parseCratesSettings(raw, context.workspace, context.env);
  const index = new CratesIndex({ http: context.http, indexUrl: settings.indexUrl, token: context.token });
  const clients = new Map<string, CratesClient>();
  const client = (name: string) => {
    if (!clients.has(name)) clients.set(name, clientFor(name, index));
    return clients.get(name)!;
  };
  // Ask the index about the target's crate while cargo reads the workspace: the answer is
  // usually all a rerun needs. A failure here is left for the real check to report.
  const identified = crateNameFromManifest(raw, context.workspace);
  client(identified)
    .entries()
    .catch(() => undefined);
  const cargo = await prepareCargo(context.tempDir, settings, context.env);
  const metadata = standaloneMetadata(settings.manifest) ?? (await cargoMetadata(cargo, settings.manifest));
  const crates = publishOrder(
    selectCrates(metadata, settings.manifest, settings.packages, settings.registryName),
  );
  const primary = crates.find((c) => c.name === identified) ?? crates[crates.length - 1];
  return { settings, cargo, crates, primary, client };
}

const hasVersion = (entries: IndexEntry[], version: string) =>
  entries.find((e) => withoutBuildMetadata(e.vers) === withoutBuildMetadata(version));

const forbidsRepublish = (settings: CratesSettings) =>
  settings.registryName
    ? 'cargo registries, like crates.io, forbid republishing'
    : 'crates.io forbids republishing';

export const publish: Publish = async (raw, context) => {
  const version = context.version.version;
  const { settings, cargo, crates, primary, client } = await plan(raw, context);
  // Every version is checked before anything is sent: a half-published workspace helps no one.
  checkVersions(crates, version, context.workspace);
  const present = await Promise.all(crates.map((c) => client(c.name).exists(version)));
  const existing = crates.filter((_, i) => present[i]);
  const pending = crates.filter((_, i) => !present[i]);
  if (context.force && existing.length)
    throw new RegistryError(
      settings.label,
      `${existing.map((c) => c.name).join(', ')} ${version} is already published: ${forbidsRepublish(settings)}; yank instead`,
      'A published version cannot be replaced. Yank it (the rollback action runs `cargo yank`) and release a new version.',
    );
  await checkOutside(crates, client, settings);
  const notes = existing.map((c) => `${c.name} ${version} is already on ${settings.label}: skipped`);
  const url = client(primary.name).url(version);
  if (!pending.length) return { status: 'skipped', url, notes };
  if (context.dryRun)
    return {
      status: 'dry-run',
      url,
      notes: [
        ...notes,
        `would publish ${pending.map((c) => c.name).join(', then ')} ${version} to ${settings.label}`,
      ],
    };

  const { token, trusted } = await publishToken(
    context,
    () => client(primary.name).index.apiUrl(),
    settings.label,
    settings.tokenEnv,
  );
  const upload: UploadContext = {
    cargo,
    settings,
    token,
    trusted,
    version,
    reporter: context.reporter,
    env: context.env,
    inIndex: async (name) => Boolean(hasVersion(await client(name).entries(true), version)),
  };
  const concurrency = concurrencySetting(raw);
  const pendingNames = new Set(pending.map((c) => c.name));
  const dependents = (name: string) => pending.filter((c) => c.dependsOn.includes(name)).map((c) => c.name);
  // Crates published at once must not wait on each other's lock of one target folder: each gets
  // its own (unless the user chose one), as separate `cargo publish` runs would on separate runners.
  const cargoFor = (crate: WorkspaceCrate): Cargo =>
    concurrency > 1 && pending.length > 1 && !context.env.CARGO_TARGET_DIR
      ? {
          ...cargo,
          env: { ...cargo.env, CARGO_TARGET_DIR: join(context.tempDir, 'cargo-target', crate.name) },
        }
      : cargo;
  if (pending.length > 1)
    context.reporter.info(
      `${pending.length} crates in ${Math.max(...wavesOf(pending).values())} dependency waves, up to ${concurrency} at once: each starts once the crates it needs are listed in the index`,
    );
  let sentAny = false;
  const results = await runWaves(
    pending.map((c) => ({ ...c, dependsOn: c.dependsOn.filter((d) => pendingNames.has(d)) })),
    {
      concurrency,
      onBlocked: (crate, blockedBy) =>
        context.reporter.warning(
          `${crate.name} ${version} is not published: it needs ${blockedBy.join(', ')}, which failed`,
        ),
      run: async (crate) => {
        const own = cargoFor(crate);
        context.reporter.info(`cargo publish ${crate.name} ${version}`);
        const { outcome, confirmed } = await uploadCrate(crate, { ...upload, cargo: own });
        const same =
          outcome === 'raced' ? await sameAsOurs(crate, client(crate.name), context, settings, own) : '';
        sentAny ||= outcome !== 'raced';
        const note =
          outcome === 'published'
            ? `${crate.name} ${version} published to ${settings.label}`
            : outcome === 'landed'
              ? `${crate.name} ${version}: an upload whose answer was lost had landed; not sent again`
              : `${crate.name} ${version} was published to ${settings.label} by another run at the same time${same}: skipped`;
        context.reporter.info(note);
        // cargo waits for the index itself and says so; otherwise (older cargo, its timeout) we wait,
        // because a dependent's `cargo publish` resolves this crate in the index.
        const waiting = dependents(crate.name);
        if (confirmed) {
          if (waiting.length)
            context.reporter.info(
              `the index lists ${crate.name} ${version} (cargo waited for it after the upload): ${waiting.join(', ')} may go`,
            );
          return note;
        }
        if (waiting.length)
          context.reporter.info(
            `waiting (up to ${Math.round(settings.indexTimeoutMs / 1000)} s) for the sparse index to list ${crate.name} ${version} before publishing ${waiting.join(', ')}`,
          );
        if (await waitForIndex(crate, upload)) {
          if (waiting.length)
            context.reporter.info(`the index lists ${crate.name} ${version}: ${waiting.join(', ')} may go`);
          return note;
        }
        if (waiting.length)
          throw new Error(
            `${crate.name} ${version} was uploaded but the index did not list it within index-timeout, and ${waiting.join(', ')} need it. Rerun once it appears: published crates are skipped.`,
          );
        context.reporter.warning(
          `${crate.name} ${version} was uploaded but the index did not list it within index-timeout yet.`,
        );
        return note;
      },
    },
  );
  notes.push(...results.flatMap((r) => (r.result ? [r.result] : [])));
  const failure = failureReport(results, (error) => redact(userMessage(error)), 'crates');
  if (failure) {
    if (results.length === 1) throw results[0].error;
    throw new WorkspacePublishError(failure.message, [...notes, ...failure.notes]);
  }
  // The registry's checksum of the .crate it stores: what a consumer's Cargo.lock will record.
  const cksum = hasVersion(await client(primary.name).entries(true), version)?.cksum;
  // Another run that got there first published it all: for this run, as for a rerun, skipped.
  return {
    status: sentAny ? 'published' : 'skipped',
    url,
    digest: cksum ? `sha256:${cksum}` : undefined,
    notes,
  };
};

/** Cargo's requirement syntax (`^1.2`, `>=1, <2`, `=1.0.0`) as node-semver reads it. */
function cargoRange(req: string): string {
  return req
    .split(',')
    .map((part) => part.trim())
    .map((part) => (/^\d/.test(part) ? `^${part}` : part))
    .join(' ');
}

/**
 * Path dependencies the target does not publish must already be in the index in a version the
 * dependent accepts (cargo publish would fail on them half-way): asked before anything is sent.
 */
async function checkOutside(
  crates: WorkspaceCrate[],
  client: (name: string) => CratesClient,
  settings: CratesSettings,
): Promise<void> {
  const missing: string[] = [];
  const needs = crates.flatMap((c) => c.outside.map((dep) => ({ by: c.name, ...dep })));
  await Promise.all(
    needs.map(async (need) => {
      const versions = (await client(need.name).entries(true))
        .filter((e) => !e.yanked)
        .map((e) => withoutBuildMetadata(e.vers));
      if (!semver.maxSatisfying(versions, cargoRange(need.req), { includePrerelease: true }))
        missing.push(
          `${need.by} needs ${need.name} ${need.req}, which ${settings.label} does not list and this target does not publish`,
        );
    }),
  );
  if (missing.length)
    throw new RegistryError(
      settings.label,
      `${missing.sort().join('; ')}: nothing was published`,
      'Publish that crate first, add it to the crates this target publishes (`package`, or allow the registry in its `publish` key), or depend on a version the registry has.',
    );
}

/**
 * The .crate cargo packaged for `crate` (cargo's packaging is reproducible: the same sources give
 * the same bytes), looked for where cargo puts it: CARGO_TARGET_DIR, else a `target` folder
 * beside the manifest or above it, up to the workspace.
 */
function packagedCrate(crate: WorkspaceCrate, workspace: string, env: NodeJS.ProcessEnv): string | undefined {
  const file = `${crate.name}-${crate.version}.crate`;
  const dirs = env.CARGO_TARGET_DIR ? [resolve(workspace, env.CARGO_TARGET_DIR)] : [];
  for (let dir = dirname(crate.manifest); ; dir = dirname(dir)) {
    dirs.push(join(dir, 'target'));
    if (dir === workspace || dirname(dir) === dir || !dir.startsWith(workspace)) break;
  }
  return dirs.map((dir) => join(dir, 'package', file)).find((path) => existsSync(path));
}

/**
 * Another run published this crate version while we did: its checksum in the index must be our
 * .crate's. Returns words for the note; a different checksum is a failure that says so.
 */
async function sameAsOurs(
  crate: WorkspaceCrate,
  client: CratesClient,
  context: PublishContext,
  settings: CratesSettings,
  cargo: Cargo,
): Promise<string> {
  const theirs = hasVersion(await client.entries(true), crate.version)?.cksum;
  // cargo refuses a version its index lists before it packages anything: package it ourselves.
  const env = {
    ...context.env,
    CARGO_TARGET_DIR: cargo.env.CARGO_TARGET_DIR ?? context.env.CARGO_TARGET_DIR,
  };
  let local = packagedCrate(crate, context.workspace, env);
  if (theirs && !local) {
    const packaged = await runCargo(
      cargo,
      publishArgs({
        manifest: crate.manifest,
        registryName: settings.registryName,
        verify: false,
        allowDirty: true,
      }).map((arg) => (arg === 'publish' ? 'package' : arg)),
      { cwd: dirname(crate.manifest), tokenEnv: settings.tokenEnv, token: '', reporter: context.reporter },
    );
    if (packaged.code === 0) local = packagedCrate(crate, context.workspace, env);
  }
  if (!theirs || !local) return ' (its checksum could not be compared with ours)';
  const ours = createHash('sha256').update(readFileSync(local)).digest('hex');
  if (theirs === ours) return ' (the same checksum as ours)';
  throw new RegistryError(
    settings.label,
    `${crate.name} ${crate.version} was published by another run at the same time with different content: the index has cksum ${theirs}, our .crate ${ours}`,
    'Two release runs built this version from different sources. Check which commit the published crate came from; if it is wrong, yank it (the rollback action) and release a new version.',
    409,
  );
}

/** Yank the bad version of every crate of the target; what cargo resolves to next is the answer. */
export const rollback: Rollback = async (raw, context: RollbackContext) => {
  const { settings, cargo, crates, primary, client } = await plan(raw, context);
  const primaryEntries = await client(primary.name).entries(true);
  const bad = context.badVersion ?? latestUnyanked(primaryEntries);
  if (!bad)
    throw new RegistryError(
      settings.label,
      `${primary.name} has no version left to yank`,
      'Name the version to take back (to-version / bad version).',
    );
  if (!hasVersion(primaryEntries, bad))
    throw new RegistryError(
      settings.label,
      `${primary.name} has no version ${bad}`,
      'Check the version to take back.',
    );
  if (context.toVersion) {
    const target = hasVersion(primaryEntries, context.toVersion);
    if (!target || target.yanked)
      throw new RegistryError(
        settings.label,
        `${primary.name} ${context.toVersion} is ${target ? 'yanked' : 'not published'}, so it cannot be rolled back to`,
        'Choose a published version that is not yanked.',
      );
  }
  const remaining = (entries: IndexEntry[]) =>
    latestUnyanked(entries.filter((e) => withoutBuildMetadata(e.vers) !== withoutBuildMetadata(bad))) ?? '';
  const actions: string[] = [];
  if (context.dryRun) {
    for (const crate of crates) actions.push(`would yank ${crate.name} ${bad} (cargo yank)`);
    return { rolledBackTo: remaining(primaryEntries), actions };
  }
  const { token } = await publishToken(
    context,
    () => client(primary.name).index.apiUrl(),
    settings.label,
    settings.tokenEnv,
  );
  // Dependents first, so no moment exists where a dependent resolves but its dependency is gone.
  for (const crate of [...crates].reverse()) {
    const entry = hasVersion(await client(crate.name).entries(true), bad);
    if (!entry) continue;
    if (entry.yanked) {
      actions.push(`crates: ${crate.name} ${bad} was already yanked`);
      continue;
    }
    const result = await runCargo(cargo, yankArgs(crate.name, bad, settings.registryName), {
      cwd: dirname(crate.manifest),
      tokenEnv: settings.tokenEnv,
      token,
      reporter: context.reporter,
    });
    if (result.code !== 0) {
      const summary = cargoErrorSummary(result);
      if (classifyCargoFailure(result) === 'auth')
        throw new RegistryError(
          settings.label,
          `refused to yank ${crate.name} ${bad}: ${summary}`,
          'Check the token: it must be allowed to yank this crate (scope yank).',
          403,
        );
      throw new Error(`cargo yank of ${crate.name} ${bad} failed: ${summary}`);
    }
    actions.push(`crates: yanked ${crate.name} ${bad}`);
  }
  const rolledBackTo = remaining(await client(primary.name).entries(true));
  if (context.toVersion && rolledBackTo !== context.toVersion)
    actions.push(
      `crates: cargo now resolves ${primary.name} to ${rolledBackTo || 'nothing stable'}, not ${context.toVersion}; a registry has no "latest" to move, only versions to yank`,
    );
  return { rolledBackTo, actions };
};
