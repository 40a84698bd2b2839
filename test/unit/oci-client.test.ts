import { createHash } from 'node:crypto';
import { describe, expect, test } from '@jest/globals';
import { InputError } from '@deploy-actions/action-kit/errors';
import { parseWwwAuthenticate } from '@deploy-actions/targets/docker/oci-auth';
import {
  childManifests,
  manifestKind,
  referencedBlobs,
  OCI_INDEX,
  OCI_MANIFEST,
  DOCKER_MANIFEST,
} from '@deploy-actions/targets/docker/oci-manifests';
import {
  formatReference,
  parseImageReference,
  registryEndpoint,
  versionTag,
} from '@deploy-actions/targets/docker/oci-reference';
import { nextLink } from '@deploy-actions/targets/docker/oci-repository';
import { identify, parseImageName, tagPageUrl } from '@deploy-actions/targets/docker/client';

const D = `sha256:${'a'.repeat(64)}`;

describe('image references', () => {
  test.each([
    ['docker.io/acme/app', { host: 'docker.io', repository: 'acme/app' }],
    ['acme/app', { host: 'docker.io', repository: 'acme/app' }],
    ['app', { host: 'docker.io', repository: 'library/app' }],
    ['docker.io/app', { host: 'docker.io', repository: 'library/app' }],
    ['index.docker.io/acme/app', { host: 'docker.io', repository: 'acme/app' }],
    ['ghcr.io/o/a', { host: 'ghcr.io', repository: 'o/a' }],
    ['ghcr.io/org/team/app:1.2.3', { host: 'ghcr.io', repository: 'org/team/app', tag: '1.2.3' }],
    ['127.0.0.1:5000/acme/app', { host: '127.0.0.1:5000', repository: 'acme/app' }],
    ['localhost/app:edge', { host: 'localhost', repository: 'app', tag: 'edge' }],
    ['localhost:5000/app', { host: 'localhost:5000', repository: 'app' }],
    ['[::1]:5000/acme/app', { host: '[::1]:5000', repository: 'acme/app' }],
    [`quay.io/acme/app@${D}`, { host: 'quay.io', repository: 'acme/app', digest: D }],
    [
      `127.0.0.1:5000/acme/app:sha-1@${D}`,
      { host: '127.0.0.1:5000', repository: 'acme/app', tag: 'sha-1', digest: D },
    ],
    ['my.registry/a.b/c__d/e-f', { host: 'my.registry', repository: 'a.b/c__d/e-f' }],
  ])('%s', (text, expected) => {
    expect(parseImageReference(text)).toEqual({ tag: undefined, digest: undefined, ...expected });
  });

  test.each([
    ['', /required/],
    ['https://ghcr.io/o/a', /is a URL/],
    ['Acme/App', /not a valid repository name/],
    ['acme//app', /not a valid repository name/],
    ['acme/app:-bad', /invalid tag/],
    ['acme/app@sha256:xyz', /malformed digest/],
    ['acme/app_', /not a valid repository name/],
  ])('%j is refused', (text, message) => {
    expect(() => parseImageReference(text, 'source')).toThrow(InputError);
    expect(() => parseImageReference(text, 'source')).toThrow(message);
  });

  test('a target name has no tag or digest', () => {
    const error = (() => {
      try {
        parseImageName('ghcr.io/o/a:1.0');
      } catch (caught) {
        return caught as InputError;
      }
    })();
    expect(error?.message).toBe(`Invalid input 'image': "ghcr.io/o/a:1.0" names a tag or digest`);
    expect(error?.hint).toContain('ghcr.io/o/a');
    expect(identify({ image: 'acme/app', registry: 'http://127.0.0.1:5000' })).toEqual({
      name: 'docker.io/acme/app',
      registry: 'http://127.0.0.1:5000',
    });
    expect(() => identify({})).toThrow(/'image'/);
  });

  test('format round-trips', () => {
    expect(formatReference(parseImageReference(`acme/app:1@${D}`))).toBe(`docker.io/acme/app:1@${D}`);
  });

  test('version tags cannot hold +', () => {
    expect(versionTag('1.2.3+build.7')).toBe('1.2.3-build.7');
    expect(versionTag('1.2.3-rc.1')).toBe('1.2.3-rc.1');
  });
});

describe('registry endpoints', () => {
  test.each([
    ['docker.io', undefined, 'https://registry-1.docker.io'],
    ['ghcr.io', undefined, 'https://ghcr.io'],
    ['registry.example.com:8443', undefined, 'https://registry.example.com:8443'],
    ['127.0.0.1:5000', undefined, 'http://127.0.0.1:5000'],
    ['127.1.2.3:5000', undefined, 'http://127.1.2.3:5000'],
    ['localhost:5000', undefined, 'http://localhost:5000'],
    ['[::1]:5000', undefined, 'http://[::1]:5000'],
    ['ghcr.io', 'http://127.0.0.1:5000/', 'http://127.0.0.1:5000'],
    ['docker.io', 'https://mirror.example.com', 'https://mirror.example.com'],
  ])('%s (registry %s) -> %s', (host, override, expected) => {
    expect(registryEndpoint(host, override)).toBe(expected);
  });

  test('pages a person can open', () => {
    const page = (name: string) =>
      tagPageUrl(parseImageName(name), '1.0.0', registryEndpoint(parseImageName(name).host));
    expect(page('acme/app')).toBe('https://hub.docker.com/r/acme/app/tags?name=1.0.0');
    expect(page('nginx')).toBe('https://hub.docker.com/_/nginx/tags?name=1.0.0');
    expect(page('ghcr.io/o/a')).toBe('https://ghcr.io/o/a');
    expect(page('127.0.0.1:5000/acme/app')).toBe('http://127.0.0.1:5000/v2/acme/app/manifests/1.0.0');
  });
});

describe('WWW-Authenticate', () => {
  test.each([
    [
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:acme/app:pull"',
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:acme/app:pull',
        },
      },
    ],
    [
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:o/a:pull,push"',
      {
        scheme: 'bearer',
        params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:o/a:pull,push' },
      },
    ],
    ['Basic realm="Registry Realm"', { scheme: 'basic', params: { realm: 'Registry Realm' } }],
    ['basic realm=simple', { scheme: 'basic', params: { realm: 'simple' } }],
    ['Bearer  Realm = "a" , Service="b\\"c"', { scheme: 'bearer', params: { realm: 'a', service: 'b"c' } }],
    [
      'Bearer error="insufficient_scope",realm="r",scope="repository:x:pull,push"',
      {
        scheme: 'bearer',
        params: { error: 'insufficient_scope', realm: 'r', scope: 'repository:x:pull,push' },
      },
    ],
  ])('%s', (header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected);
  });

  test('nothing to read', () => {
    expect(parseWwwAuthenticate(null)).toBeUndefined();
    expect(parseWwwAuthenticate('')).toBeUndefined();
    expect(parseWwwAuthenticate('Negotiate')).toEqual({ scheme: 'negotiate', params: {} });
  });
});

describe('tags pagination and manifests', () => {
  test('Link rel=next is followed relative to the registry', () => {
    expect(nextLink('</v2/acme/app/tags/list?last=b&n=2>; rel="next"', 'http://127.0.0.1:5000')).toBe(
      'http://127.0.0.1:5000/v2/acme/app/tags/list?last=b&n=2',
    );
    expect(nextLink('<https://r.example/v2/x/tags/list?n=1&last=a>; rel=next', 'https://other')).toBe(
      'https://r.example/v2/x/tags/list?n=1&last=a',
    );
    expect(nextLink(null, 'http://x')).toBeUndefined();
    expect(nextLink('<http://x/y>; rel="prev"', 'http://x')).toBeUndefined();
  });

  const blob = (n: number, mediaType = 'application/vnd.oci.image.layer.v1.tar+gzip') => ({
    mediaType,
    digest: `sha256:${String(n).repeat(64)}`,
    size: n,
  });
  const manifest = (json: unknown, contentType: string | null = null) => {
    const bytes = Buffer.from(JSON.stringify(json));
    return {
      bytes,
      mediaType: manifestKind(contentType, bytes),
      digest: `sha256:${createHash('sha256').update(bytes).digest('hex')}`,
    };
  };

  test('an image needs its config and layers once, not foreign layers', () => {
    const image = manifest({
      schemaVersion: 2,
      config: blob(1, 'application/vnd.oci.image.config.v1+json'),
      layers: [
        blob(2),
        blob(3),
        blob(2),
        blob(4, 'application/vnd.docker.image.rootfs.foreign.diff.tar.gzip'),
        { ...blob(5), urls: ['https://x'] },
      ],
    });
    expect(image.mediaType).toBe(OCI_MANIFEST);
    expect(referencedBlobs(image).map((b) => b.size)).toEqual([1, 2, 3]);
  });

  test('an index lists each child once; the kind comes from Content-Type, else the body', () => {
    const index = manifest({ schemaVersion: 2, manifests: [blob(7), blob(8), blob(7)] });
    expect(index.mediaType).toBe(OCI_INDEX);
    expect(childManifests(index).map((c) => c.size)).toEqual([7, 8]);
    expect(manifestKind(`${DOCKER_MANIFEST}; charset=utf-8`, Buffer.from('{}'))).toBe(DOCKER_MANIFEST);
    expect(
      manifestKind('application/json', Buffer.from(JSON.stringify({ mediaType: DOCKER_MANIFEST }))),
    ).toBe(DOCKER_MANIFEST);
  });
});
