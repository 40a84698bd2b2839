/**
 * Bring a release's assets in line with ours: upload what is missing, keep what is there with
 * the same bytes, replace on `force`, and keep SHA256SUMS complete. Every upload that fails
 * transiently lists the assets again before retrying, so nothing is uploaded twice.
 */
import { readFile } from 'node:fs/promises';
import { RegistryError } from '@deploy-actions/action-kit/errors';
import { AlreadyDoneSignal } from '@deploy-actions/action-kit/http';
import { githubHeaders, githubMessage, refusal } from './client.js';
import { createHash } from 'node:crypto';
import { jsonAnswer } from '@deploy-actions/action-kit/answer';
import {
  ASSET_SHAPE,
  deleteAsset,
  downloadAsset,
  listAssets,
  type GitHubConnection,
  type ReleaseData,
} from './api.js';
import {
  SUMS_NAME,
  decideAsset,
  formatSums,
  mergeSums,
  parseSums,
  sameAsset,
  type LocalFile,
  type RemoteAsset,
} from './assets.js';

/** Something to upload: a file on disk, or SHA256SUMS made in memory. */
export interface UploadSource {
  name: string;
  size: number;
  sha256: string;
  contentType: string;
  read(): Promise<Buffer>;
}

const fromFile = (file: LocalFile): UploadSource => ({ ...file, read: () => readFile(file.path) });

function fromText(name: string, text: string): UploadSource {
  const bytes = Buffer.from(text);
  return {
    name,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    contentType: 'text/plain',
    read: async () => bytes,
  };
}

/** `uploaded` by us; `present`: the same bytes were already there (another job); `taken`: other bytes hold the name. */
export type UploadOutcome =
  { result: 'uploaded' | 'present'; asset: RemoteAsset } | { result: 'taken'; asset: RemoteAsset };

/** The upload URL of a release for a name: upload_url is an RFC 6570 template (`…/assets{?name,label}`). */
export function uploadUrl(release: Pick<ReleaseData, 'upload_url'>, name: string): string {
  return `${release.upload_url.replace(/\{[^}]*\}$/, '')}?name=${encodeURIComponent(name)}`;
}

const NAME_ATTEMPTS = 3;

/**
 * Whether an asset another job uploaded holds our bytes: GitHub's digest says so where it gives
 * one (sameAsset checked it); a server without digests (older GHES) is asked for the bytes.
 */
async function sameBytes(conn: GitHubConnection, asset: RemoteAsset, source: UploadSource): Promise<boolean> {
  if (asset.digest) return true;
  const bytes = await downloadAsset(conn, asset);
  return bytes !== undefined && createHash('sha256').update(bytes).digest('hex') === source.sha256;
}

export async function uploadAsset(
  conn: GitHubConnection,
  release: ReleaseData,
  source: UploadSource,
): Promise<UploadOutcome> {
  const body = await source.read();
  const current = async () => (await listAssets(conn, release)).find((a) => a.name === source.name);
  for (let attempt = 1; ; attempt++) {
    let res;
    try {
      res = await conn.http.request({
        method: 'POST',
        url: uploadUrl(release, source.name),
        headers: { ...githubHeaders(conn.token), 'content-type': source.contentType },
        body,
        // A transient failure: did it land anyway (the answer was lost), or did it break off
        // and leave an `open` asset that holds the name? Ask before sending again.
        beforeRetry: async () => {
          const asset = await current();
          if (!asset) return true;
          if (sameAsset(asset, source)) return false;
          if (asset.state !== 'uploaded') await deleteAsset(conn, asset);
          return true;
        },
      });
    } catch (error) {
      if (!(error instanceof AlreadyDoneSignal)) throw error;
      const asset = await current();
      if (asset && sameAsset(asset, source)) return { result: 'uploaded', asset };
      throw error;
    }
    if (res.status === 201)
      return {
        result: 'uploaded',
        asset: jsonAnswer<RemoteAsset>(res, ASSET_SHAPE, { what: 'an uploaded asset', registry: 'GitHub' }),
      };
    if (res.status !== 422 || attempt >= NAME_ATTEMPTS) {
      if ([401, 403, 404, 429].includes(res.status))
        throw refusal(conn.repository, res.status, githubMessage(res), res.headers);
      throw new RegistryError(
        'GitHub',
        `could not upload ${source.name} to ${release.tag_name} (HTTP ${res.status} ${githubMessage(res)})`,
        undefined,
        res.status,
      );
    }
    // 422 already_exists: another job of the matrix uploaded it meanwhile, or a broken-off upload holds it.
    const asset = await current();
    if (asset && sameAsset(asset, source) && (await sameBytes(conn, asset, source)))
      return { result: 'present', asset };
    if (asset?.state === 'uploaded') return { result: 'taken', asset };
    if (asset) await deleteAsset(conn, asset);
  }
}

export interface SyncOptions {
  tag: string;
  force: boolean;
  dryRun: boolean;
  /** write: keep SHA256SUMS complete; merge: only when the release has one already; off. */
  checksums: 'write' | 'merge' | 'off';
  /** The release was just created: it has no assets to list. */
  fresh: boolean;
}

export interface SyncOutcome {
  /** One line per change (or planned change, in a dry run). */
  notes: string[];
  changed: boolean;
}

interface SumsState {
  assets: RemoteAsset[];
  asset?: RemoteAsset;
  current: Map<string, string>;
  text?: string;
}

/** Rounds of read-merge-write; concurrent jobs converge in two or three. */
const SUMS_ROUNDS = 4;

async function readSums(
  conn: GitHubConnection,
  release: ReleaseData,
  assets?: RemoteAsset[],
): Promise<SumsState> {
  let listed = assets ?? (await listAssets(conn, release));
  // A concurrent job may delete SHA256SUMS between our listing and our download (to write its
  // merged version): list again and read the one there is then, if any.
  for (let attempt = 1; attempt <= SUMS_ROUNDS; attempt++) {
    const asset = listed.find((a) => a.name === SUMS_NAME && a.state === 'uploaded');
    if (!asset) return { assets: listed, current: new Map() };
    const bytes = await downloadAsset(conn, asset);
    if (bytes) {
      const text = bytes.toString('utf8');
      return { assets: listed, asset, current: parseSums(text), text };
    }
    listed = await listAssets(conn, release);
  }
  throw new RegistryError(
    'GitHub',
    `${SUMS_NAME} of ${release.tag_name} kept disappearing while it was read (concurrent jobs replacing it)`,
    'Rerun the job: a rerun uploads only what is missing.',
  );
}

async function syncSums(
  conn: GitHubConnection,
  release: ReleaseData,
  files: LocalFile[],
  first: SumsState,
  dryRun: boolean,
): Promise<string | undefined> {
  let state = first;
  let wrote = false;
  for (let round = 0; round < SUMS_ROUNDS; round++) {
    const text = formatSums(mergeSums(state.assets, state.current, files));
    if (state.text === text) return wrote ? `wrote ${SUMS_NAME}` : undefined;
    if (dryRun) return `would ${state.asset ? 'update' : 'upload'} ${SUMS_NAME}`;
    if (state.asset) await deleteAsset(conn, state.asset);
    const outcome = await uploadAsset(conn, release, fromText(SUMS_NAME, text));
    wrote ||= outcome.result === 'uploaded';
    // Read it back: a matrix job may have written its own version meanwhile.
    state = await readSums(conn, release);
  }
  conn.reporter.warning(
    `${SUMS_NAME} of ${release.tag_name} kept changing under concurrent jobs; check it on the release page.`,
  );
  return `wrote ${SUMS_NAME}`;
}

export async function syncAssets(
  conn: GitHubConnection,
  release: ReleaseData,
  files: LocalFile[],
  options: SyncOptions,
): Promise<SyncOutcome> {
  const notes: string[] = [];
  let changed = false;
  const listed = options.fresh ? [] : await listAssets(conn, release);
  // The release's SHA256SUMS tells the digest where GitHub's own `digest` field is missing.
  const needSums =
    options.checksums !== 'off' || files.some((f) => listed.find((a) => a.name === f.name && !a.digest));
  const sums = needSums
    ? await readSums(conn, release, listed)
    : { assets: listed, current: new Map<string, string>() };
  let kept = 0;
  for (const file of files) {
    const remote = listed.find((a) => a.name === file.name);
    const action = decideAsset(file, remote, sums.current.get(file.name), options.force, options.tag);
    if (action === 'keep') {
      kept++;
      continue;
    }
    if (options.dryRun) {
      notes.push(`would ${action} ${file.name} (${file.size} bytes)`);
      continue;
    }
    if (action === 'replace' && remote) await deleteAsset(conn, remote);
    const outcome = await uploadAsset(conn, release, fromFile(file));
    if (outcome.result === 'taken')
      throw new RegistryError(
        'GitHub',
        `another job uploaded ${file.name} to ${options.tag} with different content`,
        'Make each job of the matrix attach files of its own names.',
      );
    if (outcome.result === 'present') kept++;
    else {
      changed = true;
      notes.push(`${action === 'replace' ? 'replaced' : 'uploaded'} ${file.name} (${file.size} bytes)`);
    }
  }
  if (kept) notes.push(`${kept} asset${kept === 1 ? ' was' : 's were'} already there`);
  const writeSums =
    options.checksums === 'write' || (options.checksums === 'merge' && sums.asset !== undefined);
  if (writeSums && (files.length || sums.asset)) {
    // After our uploads the listing changed: read it again, unless nothing was sent.
    const state = changed || options.force ? await readSums(conn, release) : sums;
    const note = await syncSums(
      conn,
      release,
      files,
      options.force && state.asset ? { ...state, text: undefined } : state,
      options.dryRun,
    );
    if (note) {
      notes.push(note);
      changed ||= !options.dryRun;
    }
  }
  return { notes, changed };
}
