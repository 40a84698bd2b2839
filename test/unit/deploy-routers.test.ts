/**
 * The routers on their own: the nginx router's files and route on a temp folder (nginx itself
 * is exercised by the e2e tests), the kubernetes router by the exact kubectl argv and
 * manifests it produces (no API server can run here; the manifests are read back by the real
 * kubectl --local), the symlink and command routers on the filesystem.
 */
import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exec, type ExecResult } from '@deploy-actions/action-kit/exec';
import { MemoryReporter } from '@deploy-actions/action-kit/log';
import {
  createRouter,
  nginxLayout,
  parseRouterSettings,
  type ExecFn,
} from '@deploy-actions/deploy/router/index';
import { trafficFromUpstreamFile } from '@deploy-actions/deploy/router/nginx-config';

const temp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** An exec that records every call and answers from a script. */
function recordingExec(answer: (args: string[], input?: string) => Partial<ExecResult> = () => ({})) {
  const calls: { command: string; args: string[]; input?: string }[] = [];
  const fn: ExecFn = async (command, args, options) => {
    const input = options?.input === undefined ? undefined : String(options.input);
    calls.push({ command, args, input });
    return {
      command,
      args,
      code: 0,
      signal: null,
      stdout: '',
      stderr: '',
      timedOut: false,
      ...answer(args, input),
    };
  };
  return { fn, calls };
}

async function nginxRouter(dir: string, execFn: ExecFn, extra: Record<string, string> = {}) {
  const options = parseRouterSettings({
    type: 'nginx',
    'upstream-file': join(dir, 'app-upstream.conf'),
    blue: '127.0.0.1:8081',
    green: '127.0.0.1:8082',
    'reload-command': 'nginx -s reload',
    'test-command': 'nginx -t',
    ...extra,
  });
  return createRouter(options, { exec: execFn, reporter: new MemoryReporter(), cwd: dir });
}

describe('nginx router', () => {
  test('names everything after the upstream file', () => {
    expect(nginxLayout('/etc/nginx/conf.d/app-upstream.conf')).toEqual({
      id: 'app_upstream',
      upstreamFile: '/etc/nginx/conf.d/app-upstream.conf',
      routeDir: '/etc/nginx/conf.d/app-upstream.route',
      snippet: '/etc/nginx/conf.d/app-upstream.route/route.conf',
      current: '/etc/nginx/conf.d/app-upstream.route/current',
    });
    expect(nginxLayout('/etc/nginx/9app.conf').id).toBe('app_9app');
  });

  /** nginx -T as it prints the files it read. */
  const dumping = (
    dir: string,
    files = [join(dir, 'app-upstream.conf'), join(dir, 'app-upstream.route', 'route.conf')],
  ) =>
    recordingExec((args) =>
      args.includes('-T') ? { stdout: files.map((f) => `# configuration file ${f}:\n...\n`).join('') } : {},
    );

  test('first run installs the files, tests then reloads once; later runs change nothing', async () => {
    const dir = temp('da-nginx-unit-');
    const exec = dumping(dir);
    const router = await nginxRouter(dir, exec.fn);
    const changes = await router.prepare();
    expect(changes[0]).toMatch(/route created at .*current \(blue\)/);
    expect(changes[1]).toMatch(/wrote .*app-upstream.conf and .*route.conf, tested and reloaded/);
    expect(exec.calls.map((c) => [c.command, ...c.args].join(' '))).toEqual([
      'nginx -t',
      'nginx -s reload',
      'nginx -T',
    ]);
    const upstream = readFileSync(join(dir, 'app-upstream.conf'), 'utf8');
    expect(upstream).toContain(
      'upstream app_upstream_blue {\n    server 127.0.0.1:8081 max_fails=0;\n    server 127.0.0.1:8082 backup;\n    keepalive 32;',
    );
    expect(upstream).toContain('split_clients "${request_id}" $app_upstream_bucket {\n    1% 0;');
    expect(upstream.match(/^ {4}1% \d+;$/gm)).toHaveLength(99);
    expect(readFileSync(join(dir, 'app-upstream.route', 'route.conf'), 'utf8')).toContain(
      `if (-f ${dir}/app-upstream.route/current/$app_upstream_bucket) {\n    set $app_upstream_pool app_upstream_green;`,
    );
    expect(readlinkSync(join(dir, 'app-upstream.route', 'current'))).toBe('green-0');
    expect(await router.read()).toEqual({ blue: 100, green: 0 });
    expect(await router.prepare()).toEqual([]);
    expect(exec.calls.map((c) => c.args.join(' ')).slice(3)).toEqual(['-T']);
  });

  test('an nginx that does not read the route snippet is refused: moving the route would change nothing', async () => {
    const dir = temp('da-nginx-unit-');
    const router = await nginxRouter(dir, dumping(dir, [join(dir, 'app-upstream.conf')]).fn);
    await expect(router.prepare()).rejects.toThrow(
      /Invalid input 'upstream-file': nginx does not read .*route\.conf \(nginx -T\): moving traffic would change nothing/,
    );
    const missingFolder = await nginxRouter(join(dir, 'no-such-folder'), dumping(dir).fn);
    await expect(missingFolder.prepare()).rejects.toThrow(
      /'upstream-file': .* is in a folder that does not exist/,
    );
  });

  test('shifting swaps the route link to a folder of exactly the green buckets, and keeps only the live and the previous folder', async () => {
    const dir = temp('da-nginx-unit-');
    const router = await nginxRouter(dir, dumping(dir).fn);
    await router.prepare();
    expect(await router.shift('green', 10)).toBe('nginx: blue -> blue 90% / green 10% (no reload)');
    expect(await router.shift('green', 50)).toBe(
      'nginx: blue 90% / green 10% -> blue 50% / green 50% (no reload)',
    );
    expect(await router.shift('blue', 100)).toBe('nginx: blue 50% / green 50% -> blue (no reload)');
    const route = join(dir, 'app-upstream.route');
    expect(readlinkSync(join(route, 'current'))).toBe('green-0');
    expect(
      readdirSync(route)
        .filter((e) => e.startsWith('green-'))
        .sort(),
    ).toEqual(['green-0', 'green-50']);
    expect(
      readdirSync(join(route, 'green-50'))
        .map(Number)
        .sort((a, b) => a - b),
    ).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(await router.read()).toEqual({ blue: 100, green: 0 });
  });

  test('a configuration nginx refuses is put back, and the error says what to include where', async () => {
    const dir = temp('da-nginx-unit-');
    writeFileSync(
      join(dir, 'app-upstream.conf'),
      'upstream app { server 127.0.0.1:8081 weight=9; server 127.0.0.1:8082 weight=1; }\n',
    );
    const exec = recordingExec((args) =>
      args.includes('-t') ? { code: 1, stderr: 'nginx: [emerg] unknown "app_upstream_pool" variable' } : {},
    );
    const router = await nginxRouter(dir, exec.fn);
    await expect(router.prepare()).rejects.toThrow(
      /Invalid input 'upstream-file': nginx refused the configuration [\s\S]*unknown "app_upstream_pool" variable/,
    );
    expect(exec.calls).toHaveLength(1); // no reload after a failed test
    expect(readFileSync(join(dir, 'app-upstream.conf'), 'utf8')).toContain('weight=9');
    expect(existsSync(join(dir, 'app-upstream.route', 'route.conf'))).toBe(false);
    // The route was created from the hand-written weights: installing never moves traffic.
    expect(readlinkSync(join(dir, 'app-upstream.route', 'current'))).toBe('green-10');
  });

  test('reads the split of a hand-written upstream file', () => {
    const blue = ['10.0.0.1:80', '10.0.0.2:80'];
    const green = ['10.0.0.3:80'];
    expect(
      trafficFromUpstreamFile('upstream app {\n  server 10.0.0.1:80;\n  server 10.0.0.2:80;\n}', blue, green),
    ).toEqual({ blue: 100, green: 0 });
    expect(
      trafficFromUpstreamFile(
        'server 10.0.0.1:80 weight=3;\nserver 10.0.0.3:80 weight=1 max_fails=2;\nserver 10.0.0.2:80 backup;',
        blue,
        green,
      ),
    ).toEqual({ blue: 75, green: 25 });
    expect(trafficFromUpstreamFile('server 10.0.0.9:80;', blue, green)).toBeUndefined();
  });
});

describe('kubernetes router (no API server can run here: checked by the kubectl argv and manifests it produces)', () => {
  const stable = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'web',
      namespace: 'prod',
      resourceVersion: '4711',
      annotations: { 'kubernetes.io/ingress.class': 'nginx' },
      managedFields: [{ manager: 'kubectl' }],
    },
    spec: {
      rules: [
        {
          host: 'app.example.com',
          http: {
            paths: [
              {
                path: '/',
                pathType: 'Prefix',
                backend: { service: { name: 'app-blue', port: { number: 80 } } },
              },
            ],
          },
        },
      ],
    },
    status: { loadBalancer: {} },
  };

  async function ingressRouter(canary?: object) {
    const exec = recordingExec((args) => {
      if (args.includes('get') && args.includes('web')) return { stdout: JSON.stringify(stable) };
      if (args.includes('get') && args.includes('web-canary'))
        return { stdout: canary ? JSON.stringify(canary) : '' };
      return {};
    });
    const options = parseRouterSettings({
      type: 'kubernetes',
      ingress: 'web',
      namespace: 'prod',
      blue: 'app-blue',
      green: 'app-green',
    });
    return {
      router: await createRouter(options, { exec: exec.fn, reporter: new MemoryReporter(), cwd: tmpdir() }),
      calls: exec.calls,
    };
  }

  test('a canary step applies a <ingress>-canary Ingress with the canary weight, on the same hosts, to the new Service', async () => {
    const { router, calls } = await ingressRouter();
    expect(await router.read()).toEqual({ blue: 100, green: 0 });
    expect(await router.shift('green', 10)).toBe('kubernetes: ingress/web blue -> blue 90% / green 10%');
    const apply = calls.at(-1)!;
    expect([apply.command, ...apply.args]).toEqual(['kubectl', '--namespace', 'prod', 'apply', '-f', '-']);
    const manifest = JSON.parse(apply.input!);
    expect(manifest).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: 'web-canary',
        namespace: 'prod',
        labels: { 'app.kubernetes.io/managed-by': 'deploy-actions' },
        annotations: {
          'kubernetes.io/ingress.class': 'nginx',
          'nginx.ingress.kubernetes.io/canary': 'true',
          'nginx.ingress.kubernetes.io/canary-weight': '10',
        },
      },
      spec: {
        rules: [
          {
            host: 'app.example.com',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: 'app-green', port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
    });
    // The real client reads it as an Ingress and finds the new Service where ingress-nginx will.
    const dir = temp('da-kube-');
    writeFileSync(join(dir, 'canary.json'), apply.input!);
    const backend = execFileSync(
      'kubectl',
      [
        'patch',
        '--local',
        '-f',
        join(dir, 'canary.json'),
        '--type',
        'merge',
        '-p',
        '{}',
        '-o',
        'jsonpath={.kind}/{.metadata.annotations.nginx\\.ingress\\.kubernetes\\.io/canary-weight}/{.spec.rules[0].http.paths[0].backend.service.name}',
      ],
      { encoding: 'utf8' },
    );
    expect(backend).toBe('Ingress/10/app-green');
  });

  test('the last step points the stable Ingress at the new Service (kubectl replace, resourceVersion kept) and deletes the canary', async () => {
    const canary = {
      metadata: { name: 'web-canary', annotations: { 'nginx.ingress.kubernetes.io/canary-weight': '50' } },
      spec: stable.spec,
    };
    const { router, calls } = await ingressRouter(canary);
    expect(await router.read()).toEqual({ blue: 50, green: 50 });
    await router.shift('green', 100);
    const [replace, remove] = calls.slice(-2);
    expect(replace.args).toEqual(['--namespace', 'prod', 'replace', '-f', '-']);
    const replaced = JSON.parse(replace.input!);
    expect(replaced.metadata).toEqual({
      name: 'web',
      namespace: 'prod',
      resourceVersion: '4711',
      annotations: { 'kubernetes.io/ingress.class': 'nginx' },
    });
    expect(replaced.status).toBeUndefined();
    expect(replaced.spec.rules[0].http.paths[0].backend.service).toEqual({
      name: 'app-green',
      port: { number: 80 },
    });
    expect(remove.args).toEqual([
      '--namespace',
      'prod',
      'delete',
      'ingress',
      'web-canary',
      '--ignore-not-found',
    ]);
  });

  test('going back to the stable colour only deletes the canary', async () => {
    const canary = {
      metadata: { name: 'web-canary', annotations: { 'nginx.ingress.kubernetes.io/canary-weight': '10' } },
      spec: stable.spec,
    };
    const { router, calls } = await ingressRouter(canary);
    await router.shift('blue', 100);
    expect(calls.filter((c) => !c.args.includes('get')).map((c) => c.args)).toEqual([
      ['--namespace', 'prod', 'delete', 'ingress', 'web-canary', '--ignore-not-found'],
    ]);
  });

  test('service mode refuses a partial step, and a selector naming neither colour', async () => {
    const exec = recordingExec(() => ({ stdout: 'purple' }));
    const router = await createRouter(parseRouterSettings({ type: 'kubernetes', service: 'web' }), {
      exec: exec.fn,
      reporter: new MemoryReporter(),
      cwd: tmpdir(),
    });
    await expect(router.shift('green', 10)).rejects.toThrow(/Invalid input 'steps': "10" is a partial step/);
    await expect(router.read()).rejects.toThrow(
      /"purple" \(service\/web selector colour\) is neither blue \(blue\) nor green \(green\)/,
    );
  });
});

describe('symlink and command routers', () => {
  test('symlink: reads which release the link points at; refuses a missing release and a real directory', async () => {
    const dir = temp('da-symlink-unit-');
    mkdirSync(join(dir, 'blue'));
    const options = parseRouterSettings(
      { type: 'symlink', link: 'current', blue: 'blue', green: 'green' },
      undefined,
      dir,
    );
    const router = await createRouter(options, { exec, reporter: new MemoryReporter(), cwd: dir });
    expect(await router.read()).toBeUndefined();
    await expect(router.shift('green', 100)).rejects.toThrow(
      /Invalid input 'green': .*green" is not a directory/,
    );
    await router.shift('blue', 100);
    expect(readlinkSync(join(dir, 'current'))).toBe(join(dir, 'blue'));
    expect(await router.read()).toEqual({ blue: 100, green: 0 });
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'other'));
    const stray = await createRouter(
      parseRouterSettings({ type: 'symlink', link: 'other', blue: 'blue', green: 'green' }, undefined, dir),
      { exec, reporter: new MemoryReporter(), cwd: dir },
    );
    await expect(stray.read()).rejects.toThrow(/points at .*elsewhere, which is neither blue/);
    mkdirSync(join(dir, 'real'));
    const real = await createRouter(
      parseRouterSettings({ type: 'symlink', link: 'real', blue: 'blue', green: 'green' }, undefined, dir),
      { exec, reporter: new MemoryReporter(), cwd: dir },
    );
    await expect(real.read()).rejects.toThrow(/Invalid input 'link': .* is not a symlink/);
  });

  test.each([
    ['green\n', { blue: 0, green: 100 }],
    ['blue 90', { blue: 90, green: 10 }],
    ['something first\nGreen=10%', { blue: 90, green: 10 }],
  ])('command: read-command printing %p', async (stdout, traffic) => {
    const run = recordingExec(() => ({ stdout }));
    const router = await createRouter(
      parseRouterSettings({
        type: 'command',
        'switch-command': 'lb {colour} {weight}',
        'read-command': 'lb status',
      }),
      {
        exec: run.fn,
        reporter: new MemoryReporter(),
        cwd: tmpdir(),
      },
    );
    expect(await router.read()).toEqual(traffic);
  });

  test('command: odd output of read-command, and a failing switch-command, are clear errors', async () => {
    const odd = recordingExec(() => ({ stdout: 'up and running' }));
    const settings = parseRouterSettings({
      type: 'command',
      'switch-command': 'lb {colour}',
      'read-command': 'lb status',
    });
    await expect(
      (await createRouter(settings, { exec: odd.fn, reporter: new MemoryReporter(), cwd: tmpdir() })).read(),
    ).rejects.toThrow(/Invalid input 'read-command': "up and running" is not what read-command must print/);
    const failing = recordingExec(() => ({ code: 2, stderr: 'no such pool' }));
    await expect(
      (
        await createRouter(settings, { exec: failing.fn, reporter: new MemoryReporter(), cwd: tmpdir() })
      ).shift('green', 100),
    ).rejects.toThrow(/lb exited with code 2:\nno such pool/);
  });
});
