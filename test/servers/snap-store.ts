/**
 * A Snap Store test server (node:http, 127.0.0.1, a free port) speaking the publishing protocol
 * snapcraft uses: storage `POST /unscanned-upload/` (multipart `binary`), dashboard
 * `POST /api/v2/snaps/<name>/revisions` {"upload-id"} -> {status_url}, `GET` that status URL
 * (processing, then approved or needs_manual_review), `POST /api/v2/snaps/<name>/releases`
 * [{channel, revision}], and the public `GET /v2/snaps/info/<name>` channel-map.
 * Dashboard calls need `Authorization: Macaroon root=<r>, discharge=<d bound to r>`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { readBody } from '../harness/read-body.js';
import { bindSignature, macaroonV1 } from '../../packages/targets/src/snap/credentials.js';

export interface SnapStore {
  url: string;
  /** SNAPCRAFT_STORE_CREDENTIALS for this store (base64 JSON, u1-macaroon). */
  credentials: string;
  log: string[];
  uploads: Map<string, Buffer>;
  revisions: { revision: number; file: Buffer; status: string }[];
  channelMap: { channel: string; architecture: string; version: string; revision: number }[];
  /** The next pushed revision is held for manual review. */
  holdNext: boolean;
  stop(): Promise<void>;
}

function macaroon(id: string, key: Buffer) {
  const sig = createHmac('sha256', key).update(id).digest();
  return macaroonV1.encode([
    { key: 'location', value: Buffer.from('test') },
    { key: 'identifier', value: Buffer.from(id) },
    { key: 'signature', value: sig },
  ]);
}

function multipartFile(body: Buffer, type: string): Buffer | undefined {
  const boundary = /boundary=(.+)$/.exec(type)?.[1];
  if (!boundary) return undefined;
  const text = body.toString('latin1');
  const start = text.indexOf('name="binary"');
  if (start < 0) return undefined;
  const data = text.indexOf('\r\n\r\n', start) + 4;
  const end = text.indexOf(`\r\n--${boundary}`, data);
  return body.subarray(data, end);
}

export async function startSnapStore(snap: string): Promise<SnapStore> {
  const root = macaroon('root', randomBytes(32));
  const discharge = macaroon('discharge', randomBytes(32));
  const rootSig = macaroonV1.decode(root).find((p) => p.key === 'signature')!.value;
  const dPackets = macaroonV1.decode(discharge);
  const bound = macaroonV1.encode(
    dPackets.map((p) => (p.key === 'signature' ? { key: p.key, value: bindSignature(rootSig, p.value) } : p)),
  );
  const expected = `Macaroon root=${root}, discharge=${bound}`;
  const state: Omit<SnapStore, 'url' | 'stop'> = {
    credentials: Buffer.from(JSON.stringify({ t: 'u1-macaroon', v: { r: root, d: discharge } })).toString(
      'base64',
    ),
    log: [],
    uploads: new Map(),
    revisions: [],
    channelMap: [],
    holdNext: false,
  };
  const polls = new Map<number, number>();
  const meta = new Map<number, { version: string; arch: string }>();
  const send = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const path = (req.url ?? '').split('?')[0];
    state.log.push(`${req.method} ${path}`);
    const authed = req.headers.authorization === expected;
    if (req.method === 'POST' && path === '/unscanned-upload/') {
      const file = multipartFile(body, String(req.headers['content-type']));
      if (!file) return send(res, 400, { successful: false });
      const id = randomBytes(8).toString('hex');
      state.uploads.set(id, file);
      return send(res, 200, { successful: true, upload_id: id });
    }
    if (req.method === 'GET' && path === `/v2/snaps/info/${snap}`) {
      if (req.headers['snap-device-series'] !== '16')
        return send(res, 400, { error_list: [{ code: 'missing-header' }] });
      if (!state.channelMap.length) return send(res, 404, { error_list: [{ code: 'resource-not-found' }] });
      return send(res, 200, {
        name: snap,
        'channel-map': state.channelMap.map((e) => ({
          channel: {
            name: e.channel.replace(/^latest\//, ''),
            track: e.channel.split('/')[0],
            risk: e.channel.split('/')[1],
            architecture: e.architecture,
          },
          version: e.version,
          revision: e.revision,
        })),
      });
    }
    if (path.startsWith('/api/v2/') && !authed)
      return send(res, 401, {
        error_list: [{ code: 'macaroon-needs-refresh', message: 'Authorization Required' }],
      });
    if (req.method === 'POST' && path === `/api/v2/snaps/${snap}/revisions`) {
      const file = state.uploads.get(JSON.parse(body.toString())['upload-id']);
      if (!file) return send(res, 400, { error_list: [{ code: 'invalid-upload-id' }] });
      const revision = state.revisions.length + 1;
      // As the store does: the version and architecture come from the snap's own meta/snap.yaml.
      const tmp = join(mkdtempSync(join(tmpdir(), 'da-snapstore-')), 'upload.snap');
      writeFileSync(tmp, file);
      const yaml = parse(
        execFileSync('unsquashfs', ['-cat', tmp, 'meta/snap.yaml'], { encoding: 'utf8' }),
      ) as {
        version: string;
        architectures: string[];
      };
      meta.set(revision, { version: yaml.version, arch: yaml.architectures[0] });
      state.revisions.push({ revision, file, status: state.holdNext ? 'needs_manual_review' : 'approved' });
      state.holdNext = false;
      return send(res, 200, { status_url: `/api/v2/snaps/${snap}/status/${revision}` });
    }
    const status = new RegExp(`^/api/v2/snaps/${snap}/status/(\\d+)$`).exec(path);
    if (req.method === 'GET' && status) {
      const r = state.revisions[Number(status[1]) - 1];
      const seen = (polls.get(r.revision) ?? 0) + 1;
      polls.set(r.revision, seen);
      // The first look is always "processing", as the store answers while it scans.
      return send(res, 200, {
        revisions: [{ status: seen < 2 ? 'processing' : r.status, revision: r.revision, errors: null }],
      });
    }
    if (req.method === 'POST' && path === `/api/v2/snaps/${snap}/releases`) {
      for (const { channel, revision } of JSON.parse(body.toString()) as {
        channel: string;
        revision: number;
      }[]) {
        const r = state.revisions[revision - 1];
        if (!r || r.status !== 'approved')
          return send(res, 400, { error_list: [{ code: 'invalid-revision' }] });
        const key = channel.includes('/') ? channel : `latest/${channel}`;
        state.channelMap = state.channelMap.filter(
          (e) => !(e.channel === key && e.architecture === archOf(r.revision)),
        );
        state.channelMap.push({
          channel: key,
          architecture: archOf(r.revision),
          version: versionOf(r.revision),
          revision,
        });
      }
      return send(res, 200, { released: true });
    }
    send(res, 404, { error_list: [{ code: 'not-found' }] });
  };
  const archOf = (rev: number) => meta.get(rev)?.arch ?? 'amd64';
  const versionOf = (rev: number) => meta.get(rev)?.version ?? '';
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, { error: String(e) }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return Object.assign(state, {
    url,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  });
}
