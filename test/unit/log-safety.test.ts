import { describe, expect, test } from '@jest/globals';
import { defuseCommands, defuseJson, escapeControl } from '../../packages/action-kit/src/safe-text.js';
import {
  addSecret,
  addUrlCredentials,
  encodings,
  redact,
  redactUrlCredentials,
  splitUrlCredentials,
} from '../../packages/action-kit/src/secrets.js';
import {
  escapeCell,
  escapeMarkdown,
  link,
  markdownTable,
  sanitizeSummary,
} from '../../packages/action-kit/src/summary.js';
import { terminalText } from '../../packages/action-kit/src/log.js';
import { forgedCommands, parseRunnerCommands } from '../harness/runner-commands.js';
import { HttpClient } from '../../packages/action-kit/src/http.js';
import { createServer } from 'node:http';

/** Payloads as a registry, a tool or a pull request could write them. */
const PAYLOADS = [
  '##[set-output name=status;]published',
  'registry said: ##[add-mask]FORGED and more',
  'x ##[error]FORGED',
  '##[stop-commands]FORGED',
  '###[set-output name=a;]b',
  'line one\n::error::FORGED',
  'line one\r::warning::FORGED',
  'line one\r\n  ::set-output name=status::published',
  '\t::add-mask::FORGED',
  '\u200b::error::FORGED',
  ':\u200b:error::FORGED',
  '#\u200b#[error]FORGED',
  '##\u0000[set-output name=x;]y',
  'a\n\n::group::FORGED\n::endgroup::',
  '::ERROR::FORGED',
  '\u00a0::error::FORGED',
];

describe('the runner-command parser used by the tests', () => {
  test('finds what the runner would run: legacy anywhere, :: at a line start', () => {
    expect(parseRunnerCommands('x ##[set-output name=status;]published')).toEqual([
      expect.objectContaining({
        form: 'legacy',
        command: 'set-output',
        properties: { name: 'status' },
        data: 'published',
      }),
    ]);
    expect(parseRunnerCommands('ok\n  ::error title=a%2Cb::m%0An')).toEqual([
      expect.objectContaining({ form: 'v2', command: 'error', properties: { title: 'a%2Cb' }, data: 'm\nn' }),
    ]);
    expect(parseRunnerCommands('##[unknown]x\n::nope::y\n## [error]z')).toEqual([]);
    for (const payload of PAYLOADS) expect(forgedCommands(payload)).not.toEqual([]);
  });
});

describe('defuseCommands', () => {
  test.each(PAYLOADS)('%j is no command, and stays readable', (payload) => {
    const safe = defuseCommands(payload);
    expect(parseRunnerCommands(safe)).toEqual([]);
    expect(safe.replace(/\\/g, '')).toBe(payload);
  });

  test('ordinary text is unchanged', () => {
    for (const text of ['a # b [c]', 'C# [x]', 'http://h:1/a::b', 'a: b', 'key::value in the middle'])
      expect(defuseCommands(text)).toBe(text);
  });

  test('JSON keeps its value', () => {
    const value = { note: '##[set-output name=status;]published', list: ['#\u200b#[error]x'] };
    const json = defuseJson(JSON.stringify(value, null, 2));
    expect(parseRunnerCommands(json)).toEqual([]);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('escapeControl and terminal lines', () => {
  test('data cannot start a line of its own', () => {
    expect(escapeControl('1.2.3\n::error::x\r\u001b[2K\u2028')).toBe('1.2.3\\n::error::x\\r\\x1b[2K\\u2028');
    const line = terminalText('bad version "1.2.3\n::error::FORGED" ##[add-mask]FORGED', true);
    expect(line.split(/\r|\n/)).toHaveLength(1);
    expect(forgedCommands(line)).toEqual([]);
  });

  test('a multi-line message keeps its lines, each defused', () => {
    const text = terminalText('cargo: ok\n::error::FORGED\r##[set-output name=a;]b', false);
    expect(text.split('\n')).toHaveLength(3);
    expect(forgedCommands(text)).toEqual([]);
  });
});

describe('secrets in every encoding a registry could echo', () => {
  const token = 'pypi-AgEIcHlwaS5vcmc/+x"y\\zé';

  test('JSON-escaped, URL-encoded and base64 forms are redacted', () => {
    addSecret(token);
    const forms = [
      JSON.stringify({ t: token }),
      JSON.stringify(token).replace(/\//g, '\\/'),
      encodeURIComponent(token),
      `Basic ${Buffer.from(`__token__:${token}`).toString('base64')}`,
      `echo: ${Buffer.from(`someone:${token}`).toString('base64')}`,
      Buffer.from(`xy${token}`).toString('base64url'),
      token,
    ];
    for (const form of forms) {
      const out = redact(`registry said ${form}.`);
      expect(out).toContain('***');
      for (const encoded of encodings(token)) expect(out).not.toContain(encoded);
      expect(out).not.toContain('AgEIcHlwaS5vcmc');
    }
  });

  test('base64 of the secret inside any longer text, at any alignment, is redacted', () => {
    const secret = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
    addSecret(secret);
    for (let prefix = 0; prefix < 12; prefix++)
      for (const suffix of ['', 'x', 'xy']) {
        const encoded = Buffer.from(`${'u'.repeat(prefix)}:${secret}${suffix}`).toString('base64');
        const out = redact(`Authorization: Basic ${encoded}`);
        expect(out).toContain('***');
        // What is left of the encoded secret is at most the two groups at its edges.
        expect(out.replace('Authorization: Basic ', '').replace('***', '').length).toBeLessThan(
          encoded.length - Buffer.from(secret).toString('base64').length + 12,
        );
      }
  });

  test('a URL with credentials: the password, the pair and their encodings are secrets', () => {
    addUrlCredentials('http://deploy:s3cr%3At-pass@127.0.0.1:9/simple/');
    for (const text of [
      's3cr:t-pass',
      's3cr%3At-pass',
      `Basic ${Buffer.from('deploy:s3cr:t-pass').toString('base64')}`,
      'http://deploy:s3cr%3At-pass@127.0.0.1:9/simple/',
    ])
      expect(redact(text)).not.toMatch(/s3cr|ZGVwbG95OnMzY3I6dC1wYXNz/);
    expect(redact('http://deploy:s3cr%3At-pass@127.0.0.1:9/x')).toBe('http://***@127.0.0.1:9/x');
  });

  test('URL credentials nobody registered are still not printed', () => {
    expect(redactUrlCredentials('see https://user:pw@h/x and http:\\/\\/u:p@h and https://tok@h/')).toBe(
      'see https://***@h/x and http:\\/\\/***@h and https://***@h/',
    );
    expect(redactUrlCredentials('ssh://aur@aur.example/pkg.git')).toBe('ssh://aur@aur.example/pkg.git');
  });

  test('splitUrlCredentials gives the URL to print and what to send instead', () => {
    expect(splitUrlCredentials('https://a%40b:p%2Fw@h.example/x')).toEqual({
      url: 'https://h.example/x',
      user: 'a@b',
      password: 'p/w',
    });
    expect(splitUrlCredentials('not a url')).toEqual({ url: 'not a url' });
  });
});

describe('job summary: registry text is text', () => {
  const hostile = '![x](http://evil/p.png) <img src=x onerror=alert(1)> [click](http://evil) a|b `c` ~d~';

  test('cells and notes escape images, links, HTML, pipes and headings', () => {
    const table = markdownTable(['note'], [[hostile]]);
    expect(table).not.toMatch(/<img|!\[x\]\(|(?<!\\)\[click\]|(?<!\\)\|b/);
    expect(table.split('\n')[2].match(/(?<!\\)\|/g)).toHaveLength(2);
    expect(escapeMarkdown('# Heading\n## two')).toBe('\\# Heading ## two');
    expect(escapeCell('1.2.3-rc.1+build.5')).toBe('1.2.3-rc.1+build.5');
  });

  test('a link we make stays a link; its text is escaped', () => {
    const cell = escapeCell(link('a](http://evil)[b', 'https://registry.example/p?q=(1)|2'));
    expect(cell).toBe('[a\\](http://evil)\\[b](https://registry.example/p?q=%281%29%7C2)');
    expect(escapeCell(link('x', 'javascript:alert(1)'))).toBe('x');
  });

  test('the last line of defence keeps our tags only', () => {
    expect(sanitizeSummary('<details><summary>s</summary>\n![i](u) <img onerror=x> <br/>\n</details>')).toBe(
      '<details><summary>s</summary>\n!\\[i](u) &lt;img onerror=x> <br/>\n</details>',
    );
  });
});

describe('the HTTP client and credentials in a URL', () => {
  test('sent as Basic auth, masked, and absent from the URL of answers and errors', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(String(req.headers.authorization));
      res.writeHead(req.url === '/down' ? 503 : 200).end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    try {
      const http = new HttpClient({ retries: 0 });
      const res = await http.request({ url: `http://ci%40acme:p%2Fss-w0rd-9@127.0.0.1:${port}/x` });
      expect(seen[0]).toBe(`Basic ${Buffer.from('ci@acme:p/ss-w0rd-9').toString('base64')}`);
      expect(res.url).toBe(`http://127.0.0.1:${port}/x`);
      expect(redact(`echo ${seen[0]} p/ss-w0rd-9`)).toBe('echo Basic *** ***');
      const failed = await http
        .request({ url: `http://ci:p%2Fss-w0rd-9@127.0.0.1:${port}/down` })
        .catch((e: Error) => e);
      expect(String(failed)).toContain(`127.0.0.1:${port}/down`);
      expect(String(failed)).not.toMatch(/w0rd|ci:/);
    } finally {
      server.close();
    }
  });
});
