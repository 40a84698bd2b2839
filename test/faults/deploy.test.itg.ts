/**
 * What a hostile health endpoint, a user's own regex and a failing router do to the deploy
 * actions, through their bundles with the runner's input rules (issue 16, classes 8 and 9):
 * - a catastrophic expect-body regex cannot hold the gate past its timeout;
 * - a /health that redirects to a login page answering 200 is not healthy;
 * - a switch command that fails mid-rollout, or a reload that fails, still leaves outputs and a
 *   summary that say where traffic is, and one error naming the step and the (redacted) command.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, visibleLog } from '../harness/run-action.js';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/backtrack') res.writeHead(200).end(`${'a'.repeat(40)}!`);
    else if (req.url === '/health') res.writeHead(302, { location: '/login' }).end();
    else if (req.url === '/login')
      res.writeHead(200, { 'content-type': 'text/html' }).end('<form>sign in</form>');
    else res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('health gate', () => {
  test('an expect-body regex that backtracks without end fails its check and the gate keeps its 2 s timeout', async () => {
    const started = Date.now();
    const run = await runAction('health-gate', {
      inputs: { url: `${base}/backtrack`, 'expect-body': '^(a+)+$', timeout: '2s', interval: '500ms' },
      timeoutMs: 30_000,
    });
    const took = Date.now() - started;
    expect(run.code).toBe(1);
    expect(run.outputs.healthy).toBe('false');
    expect(run.outputs.reason).toMatch(/did not finish matching within \d+ ms/);
    // Node's start-up and the runner harness included; the old code took 38 s here.
    expect(took).toBeLessThan(6_000);
  });

  test('a /health that redirects to a login page (which answers 200) is not healthy: the redirect is not followed', async () => {
    const run = await runAction('health-gate', {
      inputs: { url: `${base}/health`, interval: '200ms', 'failure-threshold': '2', timeout: '5s' },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.healthy).toBe('false');
    expect(run.outputs.reason).toMatch(/HTTP 302 \(a redirect to \/login, not followed\), expected 200-299/);
  });

  test('a redirect is judged by expect-status like any status: 3xx there accepts it', async () => {
    const run = await runAction('health-gate', {
      inputs: {
        url: `${base}/health`,
        'expect-status': '200-399',
        interval: '200ms',
        'success-threshold': '1',
      },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.healthy).toBe('true');
  });
});

describe('a failing router mid-rollout', () => {
  function balancer(failAt: string) {
    const dir = mkdtempSync(join(tmpdir(), 'da-lb-'));
    const state = join(dir, 'state');
    writeFileSync(state, 'blue\n');
    // Fails (exit 3) when asked for `failAt` (e.g. "green 100"); records every other move.
    writeFileSync(
      join(dir, 'lb'),
      `#!/bin/sh\nif [ "$1 $2" = "${failAt}" ]; then echo "pool locked by another deploy" >&2; exit 3; fi\necho "$1 $2" > ${state}\n`,
    );
    chmodSync(join(dir, 'lb'), 0o755);
    return { dir, state, lb: join(dir, 'lb') };
  }

  test('the switch command fails at the second step: traffic is put back, outputs and summary say where it is, one error names the step and the command', async () => {
    const lb = balancer('green 100');
    const run = await runAction('blue-green-switch', {
      inputs: {
        router: 'command',
        'switch-command': `${lb.lb} {colour} {weight} --api-key=s3cr3t-lb-key`,
        'read-command': `cat ${lb.state}`,
        steps: '50,100',
        'step-interval': '0s',
      },
    });
    expect(run.code).toBe(1);
    expect(readFileSync(lb.state, 'utf8')).toBe('blue 100\n');
    expect(run.outputs).toMatchObject({ active: 'blue', previous: 'green', 'rolled-back': 'true' });
    expect(run.outputs.reason).toMatch(
      /^step 2\/2 \(green 100%\): the router could not apply it: `.*lb green 100 '--api-key=\*\*\*'` exited with code 3: pool locked by another deploy; traffic is back on blue$/,
    );
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toContain(run.outputs.reason);
    expect(errors[0].message).toContain('Run the command by hand');
    expect(errors[0].message).not.toMatch(/^blue-green-switch failed/);
    expect(run.summary).toContain('Now: **blue** serves the traffic (blue)');
    expect(run.summary).toContain('rollback: command:');
    expect(visibleLog(run) + run.summary + JSON.stringify(run.outputs)).not.toContain('s3cr3t-lb-key');
  });

  test('the switch command fails at the first step: nothing moved, and the outputs still say where traffic is', async () => {
    const lb = balancer('green 100');
    const run = await runAction('blue-green-switch', {
      inputs: {
        router: 'command',
        'switch-command': `${lb.lb} {colour} {weight}`,
        'read-command': `cat ${lb.state}`,
      },
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ active: 'blue', previous: 'blue', 'rolled-back': 'false' });
    expect(run.outputs.reason).toMatch(
      /exited with code 3: pool locked by another deploy; nothing moved: traffic is on blue$/,
    );
    expect(run.summary).toContain('Now: **blue** serves the traffic');
  });

  test('nginx whose reload fails: outputs and summary say traffic did not move, the error names reload-command', async () => {
    const conf = mkdtempSync(join(tmpdir(), 'da-reload-'));
    mkdirSync(join(conf, 'conf.d'));
    const run = await runAction('blue-green-switch', {
      inputs: {
        router: 'nginx',
        'upstream-file': join(conf, 'conf.d', 'app.conf'),
        blue: '127.0.0.1:1',
        green: '127.0.0.1:2',
        'test-command': 'true',
        'reload-command': "sh -c 'echo nginx.pid not found >&2; exit 4'",
      },
    });
    expect(run.code).toBe(1);
    expect(run.outputs).toMatchObject({ active: 'blue', 'rolled-back': 'false' });
    expect(run.outputs.reason).toMatch(
      /^Invalid input 'reload-command': .*nginx\.pid not found; nothing moved: traffic is on blue$/,
    );
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].title).toBe("Invalid input 'reload-command'");
    expect(run.summary).toContain('Now: **blue** serves the traffic');
  });
});
