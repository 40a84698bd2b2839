import { describe, expect, test } from '@jest/globals';
import { InputError } from '@deploy-actions/action-kit/errors';
import {
  fillCommand,
  formatCommand,
  parseCommandTemplate,
  splitCommand,
} from '@deploy-actions/deploy/command-line';
import { parseRouterSettings } from '@deploy-actions/deploy/router/index';
import { parseSteps, rolloutOptionsFromConfig } from '@deploy-actions/deploy/settings';
import { parseConfig } from '@deploy-actions/release/config';

/** The message and the hint, as the one annotation shows them. */
function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (caught) {
    if (!(caught instanceof InputError)) throw caught;
    return `${caught.message} ${caught.hint ?? ''}`;
  }
  throw new Error('did not throw');
}

describe('commands are split into words, never run by a shell', () => {
  test.each([
    ['nginx -s reload', ['nginx', '-s', 'reload']],
    ["  sudo  systemctl reload 'nginx server' ", ['sudo', 'systemctl', 'reload', 'nginx server']],
    ['echo "a \\"quoted\\" word" b\\ c', ['echo', 'a "quoted" word', 'b c']],
    ['lb set \'\' --x="$HOME;rm"', ['lb', 'set', '', '--x=$HOME;rm']],
  ])('%s', (text, words) => {
    expect(splitCommand('reload-command', text)).toEqual(words);
  });

  test.each(['', '   ', "a 'b", 'a "b', 'a \\'])('%p is refused naming the input', (text) => {
    expect(() => splitCommand('reload-command', text)).toThrow(/Invalid input 'reload-command'/);
  });

  test('placeholders are filled inside each word, so a value never adds or splits arguments', () => {
    const words = parseCommandTemplate(
      'switch-command',
      'lb route --pool={target} {colour} {color} {weight}%',
      ['colour', 'weight', 'target'],
    );
    expect(fillCommand(words, { colour: 'green', weight: '10', target: 'a b; rm -rf /' })).toEqual([
      'lb',
      'route',
      '--pool=a b; rm -rf /',
      'green',
      'green',
      '10%',
    ]);
    expect(refusal(() => parseCommandTemplate('switch-command', 'lb {colur}', ['colour', 'weight']))).toMatch(
      /unknown placeholder \{colur\}.*Use \{colour\} or \{weight\}/,
    );
    expect(refusal(() => parseCommandTemplate('read-command', 'cat {colour}', []))).toMatch(
      /takes no placeholders/,
    );
    expect(parseCommandTemplate('switch-command', `kubectl patch -p '{"a":{"b":1}}'`, [])).toEqual([
      'kubectl',
      'patch',
      '-p',
      '{"a":{"b":1}}',
    ]);
    expect(formatCommand(['nginx', '-g', 'daemon off;'])).toBe("nginx -g 'daemon off;'");
  });
});

describe('steps', () => {
  test('increasing percentages ending at 100', () => {
    expect(parseSteps('steps', '10,50,100')).toEqual([10, 50, 100]);
    expect(parseSteps('steps', '10%\n100%')).toEqual([10, 100]);
    expect(parseSteps('steps', '')).toEqual([100]);
    expect(parseSteps('deploy.steps', [25, 100])).toEqual([25, 100]);
  });

  test.each([
    ['50,10,100', /"50,10,100" is not increasing \(50 then 10\)/],
    ['10,10,100', /is not increasing \(10 then 10\)/],
    ['10,150', /"150" is not a percentage from 1 to 100/],
    ['0,100', /"0" is not a percentage/],
    ['10,50', /"10,50" does not end at 100/],
    ['ten,100', /"ten" is not a percentage/],
  ])('%s is refused naming the input', (raw, message) => {
    expect(() => parseSteps('steps', raw)).toThrow(InputError);
    expect(() => parseSteps('steps', raw)).toThrow(message);
  });
});

describe('router settings', () => {
  const nginx = {
    type: 'nginx',
    'upstream-file': '/etc/nginx/conf.d/app.conf',
    blue: '127.0.0.1:8081',
    green: '127.0.0.1:8082',
  };

  test('nginx: defaults for the commands, lists of addresses', () => {
    expect(parseRouterSettings({ ...nginx, green: '127.0.0.1:8082, unix:/run/app-green.sock' })).toEqual({
      type: 'nginx',
      upstreamFile: '/etc/nginx/conf.d/app.conf',
      blue: ['127.0.0.1:8081'],
      green: ['127.0.0.1:8082', 'unix:/run/app-green.sock'],
      reloadCommand: ['nginx', '-s', 'reload'],
      testCommand: ['nginx', '-t'],
    });
  });

  test('kubernetes: service mode takes label values, ingress mode needs the Service of each colour', () => {
    expect(parseRouterSettings({ type: 'kubernetes', service: 'web', namespace: 'prod' })).toMatchObject({
      selectorKey: 'colour',
      blue: 'blue',
      green: 'green',
      kubectl: 'kubectl',
    });
    expect(refusal(() => parseRouterSettings({ type: 'kubernetes', ingress: 'web' }))).toMatch(
      /Invalid input 'blue': required.*Service of the blue colour/,
    );
    expect(() => parseRouterSettings({ type: 'kubernetes', service: 'web', ingress: 'web' })).toThrow(
      /'ingress'.*is set together with service/,
    );
    expect(() => parseRouterSettings({ type: 'kubernetes' })).toThrow(/'service': required/);
    expect(() => parseRouterSettings({ type: 'kubernetes', service: 'Web_App' })).toThrow(
      /'service': "Web_App" is not a Kubernetes object name/,
    );
    expect(() => parseRouterSettings({ type: 'kubernetes', service: 'web', 'selector-key': 'a b' })).toThrow(
      /'selector-key': "a b" is not a label key/,
    );
  });

  test.each([
    [{ type: 'haproxy' }, /Invalid input 'router': "haproxy" is not one of the accepted values/],
    [{}, /Invalid input 'router': required/],
    [{ ...nginx, blue: '' }, /Invalid input 'blue': required/],
    [{ ...nginx, green: '127.0.0.1:8081' }, /'green': "127.0.0.1:8081" is also a blue address/],
    [
      { ...nginx, blue: '127.0.0.1:8081 backup' },
      /'blue': "127.0.0.1:8081 backup" is not an nginx server address/,
    ],
    [
      { ...nginx, 'upstream-file': '/etc/nginx/my app.conf' },
      /'upstream-file': .* contains a character nginx would misread/,
    ],
    [{ ...nginx, 'reload-command': "nginx -s 'reload" }, /'reload-command': .* has an unterminated ' quote/],
    [
      { ...nginx, service: 'web' },
      /'service': is not a setting of the nginx router.*upstream-file, blue, green, reload-command, test-command/,
    ],
    [
      { type: 'symlink', link: '/srv/current', blue: '/srv/a', green: '/srv/a' },
      /'green': "\/srv\/a" is the same directory as blue/,
    ],
    [{ type: 'command', 'switch-command': 'lb {target}' }, /Invalid input 'blue': required.*\{target\}/],
  ])('%p is one clear InputError naming the input', (raw, message) => {
    const name = (key: string) => (key === 'type' ? 'router' : key);
    expect(refusal(() => parseRouterSettings(raw, name))).toMatch(message);
  });
});

describe("the config's deploy section", () => {
  const config = async (deploy: string) =>
    (
      await parseConfig(
        `targets:\n  - { name: npm, type: npm, tier: 1 }\ndeploy:\n${deploy}`,
        '.github/deploy-actions.yml',
      )
    ).deploy!;

  test('becomes typed rollout options', async () => {
    const deploy = await config(`  strategy: canary
  router: { type: nginx, upstream-file: /etc/nginx/conf.d/app-upstream.conf, blue: 127.0.0.1:8081, green: 127.0.0.1:8082 }
  steps: [10, 50, 100]
  step-interval: 10s
  health: { url: http://127.0.0.1:8080/health, interval: 2s, timeout: 60s, failure-threshold: 3, max-error-rate: 5%, max-p95: 2s }
  rollback: auto
`);
    const options = rolloutOptionsFromConfig(deploy, '/work');
    expect(options).toMatchObject({
      to: 'inactive',
      steps: [10, 50, 100],
      stepIntervalMs: 10000,
      autoRollback: true,
    });
    expect(options.router).toMatchObject({ type: 'nginx', blue: ['127.0.0.1:8081'] });
    expect(options.health).toMatchObject({
      urls: ['http://127.0.0.1:8080/health'],
      maxErrorRate: 0.05,
      maxP95Ms: 2000,
      failureThreshold: 3,
    });
  });

  test('every health-gate setting is a config key too (probe-timeout included), checked where it is read', async () => {
    const deploy = await config(
      '  router: { type: symlink, link: /a, blue: /b, green: /c }\n  health: { url: http://h/, probe-timeout: 750ms }\n',
    );
    expect(rolloutOptionsFromConfig(deploy, '/work').health).toMatchObject({ probeTimeoutMs: 750 });
    await expect(
      config(
        '  router: { type: symlink, link: /a, blue: /b, green: /c }\n  health: { url: http://h/, probe-timeout: soon }\n',
      ),
    ).rejects.toThrow(/deploy\.health\.probe-timeout.*not a duration/);
  });

  test('the package exports what the orchestrator calls', async () => {
    const deploy = await import('@deploy-actions/deploy');
    expect(typeof deploy.rolloutFromConfig).toBe('function');
    expect(typeof deploy.rollout).toBe('function');
    expect(typeof deploy.parseRouterSettings).toBe('function');
    expect(typeof deploy.parseHealthSettings).toBe('function');
    expect(typeof deploy.rollbackTarget).toBe('function');
  });

  test('mistakes name the config key', async () => {
    const nginx = await config('  router: { type: nginx, blue: a:1, green: b:2 }\n');
    expect(() => rolloutOptionsFromConfig(nginx)).toThrow(/'deploy.router.upstream-file': required/);
    const symlink = await config(
      '  router: { type: symlink, link: /a, blue: /b, green: /c }\n  steps: [50, 100]\n',
    );
    expect(() => rolloutOptionsFromConfig(symlink)).toThrow(
      /'deploy.steps': "50,100" cannot be used with the symlink router/,
    );
    const command = await config(
      '  router: { type: command, switch-command: "x {colour}" }\n  health: { url: http://h/, expect-status: nope }\n',
    );
    expect(() => rolloutOptionsFromConfig(command)).toThrow(
      /'deploy.health.expect-status': "nope" is not a status/,
    );
  });
});
