/**
 * The Snap Store's publishing protocol, as snapcraft (craft-store) speaks it:
 *   1. POST <storage>/unscanned-upload/ (multipart, field `binary`) -> {successful, upload_id}
 *   2. POST <dashboard>/api/v2/snaps/<name>/revisions {"upload-id"} -> {status_url}
 *   3. GET  <status_url> until processed -> {revisions: [{status, revision, errors}]}
 *   4. POST <dashboard>/api/v2/snaps/<name>/releases [{channel, revision}]
 * The dashboard calls carry `Authorization: Macaroon root=..., discharge=...` (credentials.ts).
 */
import { RegistryError } from '@deploy-actions/action-kit/errors';
import type { HttpClient, HttpResponse } from '@deploy-actions/action-kit/http';
import { buildMultipart } from '../pypi/multipart.js';

export interface Store {
  http: HttpClient;
  dashboard: string;
  storage: string;
  authorization: string;
  /** Milliseconds between status polls, and the most to wait. */
  pollMs: number;
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
}

export type Review =
  { state: 'approved'; revision: number } | { state: 'held'; revision?: number; reason: string };

const TOKEN_HINT =
  'Export new credentials with `snapcraft export-login` (acls package_access, package_push, package_update, package_release) for this snap, and store them as SNAPCRAFT_STORE_CREDENTIALS.';

function refused(what: string, res: HttpResponse): RegistryError {
  let detail = '';
  try {
    const body = res.json<{ error_list?: { message?: string; code?: string }[] }>();
    detail = (body.error_list ?? [])
      .map((e) => e.message ?? e.code)
      .filter(Boolean)
      .join('; ');
  } catch {
    detail = '';
  }
  const auth = res.status === 401 || res.status === 403;
  return new RegistryError(
    'Snap Store',
    `${what} was refused (HTTP ${res.status})${detail ? `: ${detail.slice(0, 300)}` : ''}`,
    auth ? TOKEN_HINT : undefined,
    res.status,
  );
}

export async function upload(store: Store, file: { name: string; data: Buffer }): Promise<string> {
  const { body, contentType } = buildMultipart([], { field: 'binary', filename: file.name, data: file.data });
  const res = await store.http.request({
    method: 'POST',
    url: `${store.storage}unscanned-upload/`,
    headers: { 'content-type': contentType, accept: 'application/json' },
    body,
    timeoutMs: 600_000,
  });
  if (!res.ok) throw refused(`uploading ${file.name}`, res);
  const answer = res.json<{ successful?: boolean; upload_id?: string }>();
  if (!answer.successful || typeof answer.upload_id !== 'string')
    throw new RegistryError('Snap Store', `the storage did not accept ${file.name}`);
  return answer.upload_id;
}

const auth = (store: Store) => ({
  authorization: store.authorization,
  accept: 'application/json',
  'content-type': 'application/json',
});

/** Push the uploaded file as a new revision; the status URL to poll. */
export async function pushRevision(store: Store, name: string, uploadId: string): Promise<string> {
  const res = await store.http.request({
    method: 'POST',
    url: `${store.dashboard}api/v2/snaps/${encodeURIComponent(name)}/revisions`,
    headers: auth(store),
    body: JSON.stringify({ 'upload-id': uploadId }),
  });
  if (!res.ok) throw refused(`pushing the upload of ${name}`, res);
  const answer = res.json<{ status_url?: string }>();
  if (typeof answer.status_url !== 'string')
    throw new RegistryError('Snap Store', 'the push answer has no status_url');
  return new URL(answer.status_url, store.dashboard).toString();
}

/** Poll until the store has processed the revision: approved, or held (manual review, rejected). */
export async function waitForReview(store: Store, statusUrl: string): Promise<Review> {
  const sleep = store.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const deadline = Date.now() + store.timeoutMs;
  for (;;) {
    const res = await store.http.request({ url: statusUrl, headers: auth(store) });
    if (!res.ok) throw refused('reading the review status', res);
    const answer = res.json<{
      revisions?: {
        status?: string;
        revision?: number | null;
        errors?: { message?: string; code?: string }[] | null;
      }[];
    }>();
    const rev = answer.revisions?.[0];
    const status = rev?.status ?? 'processing';
    if (status === 'approved' && typeof rev?.revision === 'number')
      return { state: 'approved', revision: rev.revision };
    if (/manual.?review/i.test(status))
      return {
        state: 'held',
        revision: rev?.revision ?? undefined,
        reason: 'held for manual review by the Snap Store',
      };
    if (status === 'rejected') {
      const errors = (rev?.errors ?? [])
        .map((e) => e.message ?? e.code)
        .filter(Boolean)
        .join('; ');
      const manual = (rev?.errors ?? []).some((e) => /manual.?review/i.test(`${e.code} ${e.message}`));
      if (manual)
        return {
          state: 'held',
          revision: rev?.revision ?? undefined,
          reason: `held for manual review: ${errors}`,
        };
      throw new RegistryError(
        'Snap Store',
        `the store rejected the revision: ${errors || 'no reason given'}`,
      );
    }
    if (Date.now() >= deadline)
      throw new RegistryError(
        'Snap Store',
        `the store was still processing the upload after ${Math.round(store.timeoutMs / 1000)} s`,
        'Rerun later (the upload is kept), or raise review-timeout.',
      );
    await sleep(store.pollMs);
  }
}

export async function release(
  store: Store,
  name: string,
  revision: number,
  channels: string[],
): Promise<void> {
  const res = await store.http.request({
    method: 'POST',
    url: `${store.dashboard}api/v2/snaps/${encodeURIComponent(name)}/releases`,
    headers: auth(store),
    body: JSON.stringify(channels.map((channel) => ({ channel, revision }))),
  });
  if (!res.ok) throw refused(`releasing revision ${revision} of ${name} to ${channels.join(', ')}`, res);
}
