/**
 * publish-npm end to end when the network or the credential is not simple: uploads that fail
 * on the way (through a proxy in front of Verdaccio), trusted publishing, no credential at all.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { userErrorShape } from '../harness/run-action.js';
import { startVerdaccio, type Verdaccio } from '../harness/verdaccio.js';
import {
  expectNoToken,
  npmView,
  packument,
  pkg,
  publishNpm,
  registryProxy,
  shown,
  workspaceWith,
} from '../fixtures/npm/e2e.js';

let registry: Verdaccio;

beforeAll(async () => {
  registry = await startVerdaccio();
});
afterAll(async () => {
  await registry?.stop();
});

describe('publish-npm when the upload fails on the way', () => {
  test('an upload that landed before a 502 is counted as published and not sent again', async () => {
    const proxy = await registryProxy(registry.url, { 'landed-anyway': 'land-then-502' });
    try {
      const run = await publishNpm(registry, workspaceWith(pkg('landed-anyway', '1.0.0')), {
        version: '1.0.0',
        registry: proxy.url,
      });
      expect(run.code).toBe(0);
      expect(run.outputs.status).toBe('published');
      expect(proxy.puts.get('landed-anyway')).toBe(1);
      expect(JSON.parse(run.outputs.result).notes[0]).toMatch(
        /after npm reported .*counted as published, not sent again/,
      );
      expect((await packument(registry, 'landed-anyway'))!['dist-tags']).toEqual({ latest: '1.0.0' });
    } finally {
      await proxy.close();
    }
  });
  test('a 503 that stored nothing is retried after asking the registry, and published once', async () => {
    const proxy = await registryProxy(registry.url, { 'try-again': '503-once' });
    try {
      const run = await publishNpm(registry, workspaceWith(pkg('try-again', '1.0.0')), {
        version: '1.0.0',
        registry: proxy.url,
      });
      expect(run.code).toBe(0);
      expect(run.outputs.status).toBe('published');
      expect(proxy.puts.get('try-again')).toBe(2);
      expect(run.annotations.filter((a) => a.level === 'warning').map((a) => a.message)).toEqual([
        expect.stringMatching(
          /npm publish of try-again@1\.0\.0 failed \(E503\); .* does not have it: retry 1\/2/,
        ),
      ]);
      expect(Object.keys((await packument(registry, 'try-again'))!.versions)).toEqual(['1.0.0']);
    } finally {
      await proxy.close();
    }
  });
});

describe('publish-npm with trusted publishing (no token)', () => {
  test('exchanges the GitHub ID token for a publish token and publishes with it, printing neither', async () => {
    const proxy = await registryProxy(registry.url, {}, { publishToken: registry.token });
    try {
      const run = await publishNpm(
        registry,
        workspaceWith(pkg('@acme/trusted', '1.0.0')),
        { version: '1.0.0', registry: proxy.url, access: 'public' },
        {
          NPM_TOKEN: '',
          ACTIONS_ID_TOKEN_REQUEST_URL: `${proxy.url}/oidc?api-version=2.0`,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'runner-request-token',
        },
        { post: true },
      );
      expect(run.code).toBe(0);
      expect(run.outputs.status).toBe('published');
      expect(JSON.parse(run.outputs.result).notes[0]).toContain('via trusted publishing');
      // Ours (npm in GitHub Actions may ask once more on its own: both with the ID token).
      expect(proxy.exchanges[0]).toEqual({
        audience: 'npm:127.0.0.1',
        url: '/-/npm/v1/oidc/token/exchange/package/@acme%2ftrusted',
        authorization: 'Bearer github-id-token',
      });
      expect(npmView(registry, '@acme/trusted', 'dist-tags')).toEqual({ latest: '1.0.0' });
      expectNoToken(run, registry.token);
      expect(shown(run.stdout)).not.toContain('github-id-token');
    } finally {
      await proxy.close();
    }
  });

  test('neither a token nor id-token: write is one error saying what to set, and nothing is sent', async () => {
    const run = await publishNpm(
      registry,
      workspaceWith(pkg('no-credential', '1.0.0')),
      { version: '1.0.0' },
      { NPM_TOKEN: '' },
    );
    expect(userErrorShape(run)).toEqual({ code: 1, errors: 1, stack: false });
    const [error] = run.annotations.filter((a) => a.level === 'error');
    expect(error.message).toMatch(/set NPM_TOKEN .*id-token: write/);
    expect(await packument(registry, 'no-credential')).toBeUndefined();
  });
});
