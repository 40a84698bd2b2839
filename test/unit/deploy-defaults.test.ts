/**
 * Settings at their defaults are never a user's mistake (the runner sets every action.yml
 * default): a router's defaults do not trip another router, a gate's defaults grow to fit a
 * chosen interval, and the config's strategy is read (inferred from the steps when absent).
 */
import { describe, expect, test } from '@jest/globals';
import { parseHealthSettings } from '@deploy-actions/deploy/health-settings';
import { colourGate, idleColourGate } from '@deploy-actions/deploy/health-urls';
import { parseRouterSettings } from '@deploy-actions/deploy/router/index';
import { rolloutOptionsFromConfig } from '@deploy-actions/deploy/settings';
import { parseConfig } from '@deploy-actions/release/config';

const ROUTER_DEFAULTS = {
  'reload-command': 'nginx -s reload',
  'test-command': 'nginx -t',
  'selector-key': 'colour',
};

describe('router settings at their defaults', () => {
  test.each([
    [{ type: 'symlink', link: '/srv/current', blue: '/srv/b', green: '/srv/g' }, 'symlink'],
    [{ type: 'command', 'switch-command': 'lb {colour}' }, 'command'],
    [{ type: 'kubernetes', service: 'app' }, 'kubernetes'],
    [{ type: 'nginx', 'upstream-file': '/etc/nginx/conf.d/a.conf', blue: 'a:1', green: 'b:2' }, 'nginx'],
  ])('%p with every default set as the runner sets it works', (raw, type) => {
    expect(parseRouterSettings({ ...ROUTER_DEFAULTS, ...raw }).type).toBe(type);
  });

  test('a value that is not the default is still a stray setting of another router', () => {
    expect(() =>
      parseRouterSettings({
        type: 'symlink',
        link: '/a',
        blue: '/b',
        green: '/c',
        'reload-command': 'systemctl reload nginx',
      }),
    ).toThrow(/Invalid input 'reload-command': is not a setting of the symlink router/);
  });
});

describe('gate defaults fit what was chosen', () => {
  test('a long interval alone raises the timeout and the window that were not given', () => {
    const gate = parseHealthSettings({ url: 'http://h/health', interval: '90s' })!;
    expect(gate.timeoutMs).toBe(270_000);
    expect(gate.windowMs).toBe(450_000);
  });
  test('a timeout the user gave shorter than the interval is still their mistake', () => {
    expect(() => parseHealthSettings({ url: 'http://h/', interval: '90s', timeout: '60s' })).toThrow(
      /Invalid input 'timeout': "60s" is shorter than the interval/,
    );
  });
});

describe('health URLs that name a colour', () => {
  const nginx = parseRouterSettings({
    type: 'nginx',
    'upstream-file': '/x/a.conf',
    blue: '10.0.0.1:81',
    green: '10.0.0.2:82',
  });
  const gate = parseHealthSettings(
    { url: 'http://{address}/health?c={colour}', 'max-error-rate': '5%' },
    undefined,
    true,
  )!;
  test('{address} and {colour} are filled for the colour', () => {
    expect(colourGate(gate, nginx, 'green').urls).toEqual(['http://10.0.0.2:82/health?c=green']);
  });
  test('before a blue-green switch, nginx sends a plain URL to the idle colour, and the live-traffic limits are off', () => {
    const plain = parseHealthSettings({ url: 'https://app.example/health?deep=1', 'max-p95': '1s' })!;
    const idle = idleColourGate(plain, nginx, 'blue')!;
    expect(idle.urls).toEqual(['http://10.0.0.1:81/health?deep=1']);
    expect(idle.maxP95Ms).toBeUndefined();
  });
  test('a symlink router cannot reach a colour on its own without a placeholder', () => {
    const symlink = parseRouterSettings({ type: 'symlink', link: '/a', blue: '/b', green: '/c' });
    expect(
      idleColourGate(parseHealthSettings({ url: 'http://h/health' })!, symlink, 'green'),
    ).toBeUndefined();
  });
});

describe('deploy.strategy', () => {
  const deploy = async (text: string) =>
    (
      await parseConfig(
        `targets:\n  - { name: npm, type: npm, tier: 1 }\ndeploy:\n  router: { type: nginx, upstream-file: /x/a.conf, blue: a:1, green: b:2 }\n${text}`,
        'c.yml',
      )
    ).deploy!;
  test.each([
    ['  steps: [10, 50, 100]\n', 'canary', [10, 50, 100], undefined],
    ['', 'blue-green', [100], undefined],
    ['  strategy: blue-green\n  steps: [10, 50, 100]\n', 'blue-green', [100], [10, 50, 100]],
    ['  strategy: canary\n  steps: [25, 100]\n', 'canary', [25, 100], undefined],
  ])('%p', async (text, strategy, steps, ignored) => {
    const options = rolloutOptionsFromConfig(await deploy(text), '/work');
    expect([options.strategy, options.steps, options.ignoredSteps]).toEqual([strategy, steps, ignored]);
  });
});
