/**
 * A NuGet v2 feed (node:http on 127.0.0.1, a free port), the protocol Chocolatey's community
 * repository speaks: `PUT /api/v2/package/` (multipart, `X-NuGet-ApiKey`; 201 created, 409 the
 * version exists, 403 a key that is not valid for the id), the OData reads
 * (`Packages(Id='…',Version='…')`, `FindPackagesById()?id='…'`, `Packages()`, `Search()`) as
 * Atom entries with the `d:`/`m:` properties clients read, and the package download
 * (`/api/v2/package/<id>/<version>`). With `moderation`, a pushed version is `Submitted` and
 * not approved (IsApproved false) until `approve()`, as on community.chocolatey.org.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unzipSync } from 'fflate';
import { readBody } from '../harness/read-body.js';

export interface StoredPackage {
  id: string;
  version: string;
  nuspec: string;
  bytes: Buffer;
  approved: boolean;
  published: string;
}

export interface NugetServer {
  url: string;
  packages: StoredPackage[];
  requests: { method: string; path: string; status: number; apiKey?: string }[];
  /** Approve a version in moderation. */
  approve(id: string, version: string): void;
  /** Answer the next `count` pushes with this status (e.g. 503), before storing. */
  failNextPush(status: number, count?: number): void;
  stop(): Promise<void>;
}

export interface NugetServerOptions {
  /** API key -> the ids it may push (`*` any). */
  keys: Record<string, string[]>;
  moderation?: boolean;
}

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const meta = (nuspec: string, name: string) =>
  new RegExp(`<${name}>([^<]*)</${name}>`)
    .exec(nuspec)?.[1]
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

/** The parts of a multipart/form-data body (RFC 7578). */
function multipart(body: Buffer, contentType: string): { name: string; filename?: string; data: Buffer }[] {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!boundary) return [];
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts = [];
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const next = body.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const head = part.subarray(0, split).toString('utf8');
    parts.push({
      name: /name="([^"]*)"/.exec(head)?.[1] ?? '',
      filename: /filename="([^"]*)"/.exec(head)?.[1],
      data: part.subarray(split + 4),
    });
    start = next;
  }
  return parts;
}

const lower = (s: string) => s.toLowerCase();

export async function startNugetServer(options: NugetServerOptions): Promise<NugetServer> {
  const packages: StoredPackage[] = [];
  const requests: NugetServer['requests'] = [];
  const failures: { status: number; remaining: number }[] = [];
  let base = '';

  const find = (id: string, version?: string) =>
    packages.filter(
      (p) => lower(p.id) === lower(id) && (version === undefined || lower(p.version) === lower(version)),
    );

  function entry(p: StoredPackage, root = false): string {
    const hash = createHash('sha512').update(p.bytes).digest('base64');
    const self = `${base}/api/v2/Packages(Id='${p.id}',Version='${p.version}')`;
    const stable = !p.version.includes('-');
    const latest = (prerelease: boolean) => {
      const candidates = find(p.id).filter((q) => q.approved && (prerelease || !q.version.includes('-')));
      return candidates.at(-1) === p;
    };
    const bool = (name: string, value: boolean) => `<d:${name} m:type="Edm.Boolean">${value}</d:${name}>`;
    return [
      root
        ? `<entry xml:base="${base}/api/v2/" xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">`
        : '<entry>',
      `<id>${xml(self)}</id>`,
      `<category term="NuGetGallery.V2FeedPackage" scheme="http://schemas.microsoft.com/ado/2007/08/dataservices/scheme" />`,
      `<link rel="edit" title="V2FeedPackage" href="Packages(Id='${xml(p.id)}',Version='${xml(p.version)}')" />`,
      `<title type="text">${xml(p.id)}</title>`,
      `<summary type="text"></summary>`,
      `<updated>${p.published}</updated>`,
      `<author><name>${xml(meta(p.nuspec, 'authors') ?? '')}</name></author>`,
      `<content type="application/zip" src="${base}/api/v2/package/${p.id}/${p.version}" />`,
      '<m:properties>',
      `<d:Id>${xml(p.id)}</d:Id>`,
      `<d:Version>${xml(p.version)}</d:Version>`,
      `<d:NormalizedVersion>${xml(p.version)}</d:NormalizedVersion>`,
      `<d:Title>${xml(meta(p.nuspec, 'title') ?? p.id)}</d:Title>`,
      `<d:Description>${xml(meta(p.nuspec, 'description') ?? '')}</d:Description>`,
      `<d:Authors>${xml(meta(p.nuspec, 'authors') ?? '')}</d:Authors>`,
      `<d:Tags>${xml(meta(p.nuspec, 'tags') ?? '')}</d:Tags>`,
      `<d:ProjectUrl>${xml(meta(p.nuspec, 'projectUrl') ?? '')}</d:ProjectUrl>`,
      `<d:Dependencies></d:Dependencies>`,
      bool('IsLatestVersion', stable && latest(false)),
      bool('IsAbsoluteLatestVersion', latest(true)),
      bool('IsPrerelease', !stable),
      bool('Listed', true),
      bool('RequireLicenseAcceptance', false),
      bool('IsApproved', p.approved),
      `<d:PackageStatus>${p.approved ? 'Approved' : 'Submitted'}</d:PackageStatus>`,
      `<d:Published m:type="Edm.DateTime">${p.published}</d:Published>`,
      `<d:Created m:type="Edm.DateTime">${p.published}</d:Created>`,
      `<d:LastUpdated m:type="Edm.DateTime">${p.published}</d:LastUpdated>`,
      `<d:DownloadCount m:type="Edm.Int32">0</d:DownloadCount>`,
      `<d:VersionDownloadCount m:type="Edm.Int32">0</d:VersionDownloadCount>`,
      `<d:PackageHash>${hash}</d:PackageHash>`,
      `<d:PackageHashAlgorithm>SHA512</d:PackageHashAlgorithm>`,
      `<d:PackageSize m:type="Edm.Int64">${p.bytes.length}</d:PackageSize>`,
      '</m:properties>',
      '</entry>',
    ].join('');
  }

  const feed = (title: string, items: StoredPackage[]) =>
    [
      '<?xml version="1.0" encoding="utf-8"?>',
      `<feed xml:base="${base}/api/v2/" xmlns="http://www.w3.org/2005/Atom" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata">`,
      `<id>${base}/api/v2/${title}</id><title type="text">${title}</title><updated>${new Date().toISOString()}</updated>`,
      `<link rel="self" title="${title}" href="${title}" />`,
      ...items.map((p) => entry(p)),
      '</feed>',
    ].join('');

  /** A quoted OData string argument: `'acme'` (quotes doubled inside). */
  const arg = (value: string | null) => (value ? value.replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : '');

  function push(req: IncomingMessage, body: Buffer): [number, string] {
    const key = String(req.headers['x-nuget-apikey'] ?? '');
    const failure = failures.find((f) => f.remaining > 0);
    if (failure) {
      failure.remaining--;
      return [failure.status, 'Service Unavailable'];
    }
    if (!key || !options.keys[key])
      return [
        403,
        'The specified API key is invalid, has expired, or does not have permission to access the specified package.',
      ];
    const file = multipart(body, String(req.headers['content-type'] ?? '')).find(
      (p) => p.filename !== undefined,
    );
    if (!file) return [400, 'A nuget package file was not provided.'];
    let nuspec: string | undefined;
    try {
      const files = unzipSync(new Uint8Array(file.data));
      const name = Object.keys(files).find((n) => !n.includes('/') && n.endsWith('.nuspec'));
      nuspec = name ? Buffer.from(files[name]).toString('utf8') : undefined;
    } catch {
      return [400, 'The package file is not a valid zip.'];
    }
    const id = nuspec && meta(nuspec, 'id');
    const version = nuspec && meta(nuspec, 'version');
    if (!nuspec || !id || !version) return [400, 'The NuGet package contains an invalid .nuspec file.'];
    const allowed = options.keys[key];
    const owned = find(id).length > 0;
    if (!allowed.includes('*') && !allowed.map(lower).includes(lower(id)))
      return [
        403,
        'The specified API key is invalid, has expired, or does not have permission to access the specified package.',
      ];
    if (owned && !allowed.includes('*') && !allowed.map(lower).includes(lower(id)))
      return [403, 'The specified API key does not have permission to push to this package.'];
    if (find(id, version).length)
      return [
        409,
        `A package with ID '${id}' and version '${version}' already exists and cannot be modified.`,
      ];
    packages.push({
      id,
      version,
      nuspec,
      bytes: Buffer.from(file.data),
      approved: !options.moderation,
      published: new Date().toISOString(),
    });
    return [201, ''];
  }

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const path = decodeURIComponent(url.pathname);
    const body = await readBody(req);
    const method = (req.method ?? 'GET').toUpperCase();
    const answer = (status: number, text: string, type = 'application/atom+xml;type=entry;charset=utf-8') => {
      requests.push({
        method,
        path: url.pathname + url.search,
        status,
        apiKey: req.headers['x-nuget-apikey'] as string | undefined,
      });
      res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(text)) });
      res.end(text);
    };
    if (method === 'PUT' && /^\/api\/v2\/package\/?$/.test(path)) {
      const [status, message] = push(req, body);
      return answer(status, message, 'text/plain; charset=utf-8');
    }
    if (method !== 'GET' && method !== 'HEAD') return answer(405, 'Method Not Allowed', 'text/plain');
    const one = /^\/api\/v2\/Packages\(Id='((?:[^']|'')*)',Version='((?:[^']|'')*)'\)$/.exec(path);
    if (one) {
      const found = find(arg(`'${one[1]}'`), arg(`'${one[2]}'`))[0];
      if (!found)
        return answer(
          404,
          '<?xml version="1.0" encoding="utf-8"?><m:error xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><m:code /><m:message xml:lang="en-US">Resource not found for the segment \'Packages\'.</m:message></m:error>',
          'application/xml',
        );
      return answer(200, `<?xml version="1.0" encoding="utf-8"?>${entry(found, true)}`);
    }
    if (/^\/api\/v2\/FindPackagesById\(\)$/.test(path)) {
      const id = arg(url.searchParams.get('id'));
      return answer(200, feed('FindPackagesById', find(id)), 'application/atom+xml;type=feed;charset=utf-8');
    }
    if (/^\/api\/v2\/(?:Packages\(\)|Packages|Search\(\))$/.test(path)) {
      const term = arg(url.searchParams.get('searchTerm')).toLowerCase();
      const filter = url.searchParams.get('$filter') ?? '';
      const prerelease = url.searchParams.get('includePrerelease') === 'true';
      const idFilter = /tolower\(Id\)\s+eq\s+'([^']*)'/i.exec(filter)?.[1];
      let items = packages.filter(
        (p) =>
          p.approved &&
          (!term || p.id.toLowerCase().includes(term)) &&
          (!idFilter || lower(p.id) === lower(idFilter)),
      );
      if (/IsLatestVersion|IsAbsoluteLatestVersion/.test(filter)) {
        const latest = new Map<string, StoredPackage>();
        for (const p of items) if (prerelease || !p.version.includes('-')) latest.set(lower(p.id), p);
        items = [...latest.values()];
      }
      // OData paging, as clients walk a feed: $skip and $top (an empty page ends the walk).
      const skip = Number(url.searchParams.get('$skip') ?? 0) || 0;
      const top = Number(url.searchParams.get('$top') ?? 100) || 100;
      items = items.slice(skip, skip + top);
      return answer(200, feed('Packages', items), 'application/atom+xml;type=feed;charset=utf-8');
    }
    const download = /^\/api\/v2\/package\/([^/]+)\/([^/]+)$/.exec(path);
    if (download) {
      const found = find(download[1], download[2])[0];
      if (!found) return answer(404, 'Not Found', 'text/plain');
      requests.push({ method, path: url.pathname, status: 200 });
      res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(found.bytes.length) });
      return res.end(found.bytes);
    }
    if (/^\/api\/v2\/?$/.test(path))
      return answer(
        200,
        `<?xml version="1.0" encoding="utf-8"?><service xml:base="${base}/api/v2/" xmlns="http://www.w3.org/2007/app" xmlns:atom="http://www.w3.org/2005/Atom"><workspace><atom:title>Default</atom:title><collection href="Packages"><atom:title>Packages</atom:title></collection></workspace></service>`,
        'application/xml;charset=utf-8',
      );
    if (/^\/api\/v2\/\$metadata$/.test(path))
      return answer(
        200,
        `<?xml version="1.0" encoding="utf-8"?><edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx"><edmx:DataServices m:DataServiceVersion="2.0" xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><Schema Namespace="NuGetGallery" xmlns="http://schemas.microsoft.com/ado/2006/04/edm"><EntityType Name="V2FeedPackage" m:HasStream="true"><Key><PropertyRef Name="Id" /><PropertyRef Name="Version" /></Key><Property Name="Id" Type="Edm.String" Nullable="false" /><Property Name="Version" Type="Edm.String" Nullable="false" /></EntityType><EntityContainer Name="FeedContext_x0060_1" m:IsDefaultEntityContainer="true"><EntitySet Name="Packages" EntityType="NuGetGallery.V2FeedPackage" /><FunctionImport Name="Search" EntitySet="Packages" ReturnType="Collection(NuGetGallery.V2FeedPackage)" m:HttpMethod="GET"><Parameter Name="searchTerm" Type="Edm.String" /><Parameter Name="targetFramework" Type="Edm.String" /><Parameter Name="includePrerelease" Type="Edm.Boolean" /></FunctionImport><FunctionImport Name="FindPackagesById" EntitySet="Packages" ReturnType="Collection(NuGetGallery.V2FeedPackage)" m:HttpMethod="GET"><Parameter Name="id" Type="Edm.String" /></FunctionImport></EntityContainer></Schema></edmx:DataServices></edmx:Edmx>`,
        'application/xml;charset=utf-8',
      );
    answer(404, 'Not Found', 'text/plain');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    packages,
    requests,
    approve(id, version) {
      for (const p of find(id, version)) p.approved = true;
    },
    failNextPush(status, count = 1) {
      failures.push({ status, remaining: count });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
