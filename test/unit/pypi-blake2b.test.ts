import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { blake2b, blake2b256Hex, blake2bJs, blake2bWasm } from '@deploy-actions/publishers/pypi-blake2b';

const repeated = (bytes: number[], times: number) =>
  Buffer.from(Array.from({ length: times }, () => bytes).flat());
const range256 = Array.from({ length: 256 }, (_, i) => i);

describe('BLAKE2b (RFC 7693)', () => {
  // Vectors from Python's hashlib.blake2b (digest_size=32 and the default 64).
  test.each([
    ['empty', Buffer.alloc(0), '0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8'],
    ['abc', Buffer.from('abc'), 'bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319'],
    ['0..255 x3', repeated(range256, 3), 'b8007121274217790e2923e0ad7027986e5a99d5531ef6ae7d294140fc81615d'],
    [
      'exactly one block',
      Buffer.alloc(128, 'a'),
      'ae2aa48507885c4c950fb809b2076f959cde9f8ea6da260d9a3587df33dac450',
    ],
    [
      'one block and a byte',
      Buffer.alloc(129, 'a'),
      '2f64744a6de0d2c0b56e64cf6e29a5aaa255010d415d51c75ccc82f73dccd865',
    ],
  ])('blake2b-256 of %s', (_label, data, hex) => {
    expect(blake2b256Hex(data)).toBe(hex);
  });

  test('blake2b-512 of "abc" (RFC 7693 appendix A)', () => {
    expect(blake2b(Buffer.from('abc')).toString('hex')).toBe(
      'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
    );
  });

  test('the digest size is part of the hash, not a truncation', () => {
    expect(blake2b256Hex(Buffer.from('abc'))).not.toBe(
      blake2b(Buffer.from('abc')).subarray(0, 32).toString('hex'),
    );
  });

  test('matches python3 hashlib.blake2b(digest_size=32) on random inputs of many sizes', () => {
    const inputs = [1, 63, 127, 255, 256, 257, 1000, 4096, 100_003].map((n) => randomBytes(n));
    const script =
      'import sys, hashlib\n' +
      'data = sys.stdin.buffer.read()\n' +
      'sizes = [int(s) for s in sys.argv[1:]]\n' +
      'at = 0\n' +
      'for n in sizes:\n' +
      '    print(hashlib.blake2b(data[at:at+n], digest_size=32).hexdigest())\n' +
      '    at += n\n';
    const out = execFileSync('python3', ['-c', script, ...inputs.map((b) => String(b.length))], {
      input: Buffer.concat(inputs),
    });
    expect(inputs.map((b) => blake2b256Hex(b))).toEqual(out.toString().trim().split('\n'));
  });

  test('refuses a digest size outside 1-64', () => {
    expect(() => blake2b(Buffer.alloc(1), 65)).toThrow(RangeError);
    expect(() => blake2bJs(Buffer.alloc(1), 0)).toThrow(RangeError);
  });

  test('the WebAssembly compressor is used here, and it and the JavaScript fallback agree', () => {
    const sizes = [0, 1, 127, 128, 129, 256, 1000, 70_001];
    for (const n of sizes) {
      const data = randomBytes(n);
      for (const size of [32, 64, 20]) {
        const wasm = blake2bWasm(data, size);
        expect(wasm).toBeDefined();
        expect(wasm!.toString('hex')).toBe(blake2bJs(data, size).toString('hex'));
      }
    }
  });

  test('the JavaScript fallback matches the vectors too', () => {
    expect(blake2bJs(Buffer.from('abc'), 32).toString('hex')).toBe(
      'bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319',
    );
    expect(blake2bJs(Buffer.alloc(0), 32).toString('hex')).toBe(
      '0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8',
    );
  });
});
