/**
 * BLAKE2b (RFC 7693), unkeyed, any digest size from 1 to 64 bytes. PyPI's upload API takes a
 * `blake2_256_digest` (BLAKE2b with a 32-byte digest, as Python's
 * `hashlib.blake2b(digest_size=32)`), and Node's crypto offers only BLAKE2b-512, whose
 * truncation is a different value: the digest size is part of the parameter block.
 *
 * 64-bit words are held as (low, high) pairs of 32-bit halves in a Uint32Array, the usual
 * way to do 64-bit arithmetic in JavaScript without BigInt's cost.
 */

// The SHA-512 initial values, as (low, high) pairs.
const IV = new Uint32Array([
  0xf3bcc908, 0x6a09e667, 0x84caa73b, 0xbb67ae85, 0xfe94f82b, 0x3c6ef372, 0x5f1d36f1, 0xa54ff53a, 0xade682d1,
  0x510e527f, 0x2b3e6c1f, 0x9b05688c, 0xfb41bd6b, 0x1f83d9ab, 0x137e2179, 0x5be0cd19,
]);

// Message word schedule; rounds 10 and 11 reuse rows 0 and 1.
const SIGMA = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
  [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
  [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
  [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
  [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
  [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
  [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
  [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
  [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
  [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];

const BLOCK = 128;

/** v[a] += v[b] + m[x] for 64-bit words at pair offsets a, b (in v) and x (in m). */
function add3(v: Uint32Array, a: number, b: number, m: Uint32Array, x: number): void {
  const lo = v[a] + v[b] + m[x];
  v[a + 1] = v[a + 1] + v[b + 1] + m[x + 1] + Math.floor(lo / 0x100000000);
  v[a] = lo;
}

/** v[a] += v[b] for 64-bit words. */
function add2(v: Uint32Array, a: number, b: number): void {
  const lo = v[a] + v[b];
  v[a + 1] = v[a + 1] + v[b + 1] + (lo >= 0x100000000 ? 1 : 0);
  v[a] = lo;
}

/** v[d] = rotr64(v[d] ^ v[a], shift) for shift in 16, 24, 32, 63. */
function xorRotate(v: Uint32Array, d: number, a: number, shift: number): void {
  const lo = v[d] ^ v[a];
  const hi = v[d + 1] ^ v[a + 1];
  if (shift === 32) {
    v[d] = hi;
    v[d + 1] = lo;
  } else if (shift === 63) {
    // rotr 63 == rotl 1
    v[d] = (lo << 1) | (hi >>> 31);
    v[d + 1] = (hi << 1) | (lo >>> 31);
  } else {
    v[d] = (lo >>> shift) | (hi << (32 - shift));
    v[d + 1] = (hi >>> shift) | (lo << (32 - shift));
  }
}

/** The mixing function G on words a, b, c, d with message words x, y (word indices). */
function mix(
  v: Uint32Array,
  m: Uint32Array,
  a: number,
  b: number,
  c: number,
  d: number,
  x: number,
  y: number,
): void {
  const [pa, pb, pc, pd] = [a * 2, b * 2, c * 2, d * 2];
  add3(v, pa, pb, m, x * 2);
  xorRotate(v, pd, pa, 32);
  add2(v, pc, pd);
  xorRotate(v, pb, pc, 24);
  add3(v, pa, pb, m, y * 2);
  xorRotate(v, pd, pa, 16);
  add2(v, pc, pd);
  xorRotate(v, pb, pc, 63);
}

function compress(h: Uint32Array, block: Uint8Array, offset: number, counter: number, last: boolean): void {
  const v = new Uint32Array(32);
  const m = new Uint32Array(32);
  v.set(h, 0);
  v.set(IV, 16);
  // The byte counter is 128 bits; files never pass 2^53 bytes, so the top words stay zero.
  v[24] ^= counter >>> 0;
  v[25] ^= Math.floor(counter / 0x100000000);
  if (last) {
    v[28] = ~v[28];
    v[29] = ~v[29];
  }
  for (let i = 0; i < 32; i++) {
    const at = offset + i * 4;
    m[i] = block[at] | (block[at + 1] << 8) | (block[at + 2] << 16) | (block[at + 3] << 24);
  }
  for (let round = 0; round < 12; round++) {
    const s = SIGMA[round % 10];
    mix(v, m, 0, 4, 8, 12, s[0], s[1]);
    mix(v, m, 1, 5, 9, 13, s[2], s[3]);
    mix(v, m, 2, 6, 10, 14, s[4], s[5]);
    mix(v, m, 3, 7, 11, 15, s[6], s[7]);
    mix(v, m, 0, 5, 10, 15, s[8], s[9]);
    mix(v, m, 1, 6, 11, 12, s[10], s[11]);
    mix(v, m, 2, 7, 8, 13, s[12], s[13]);
    mix(v, m, 3, 4, 9, 14, s[14], s[15]);
  }
  for (let i = 0; i < 16; i++) h[i] ^= v[i] ^ v[i + 16];
}

/** BLAKE2b of `data` with a digest of `size` bytes (default 64). */
export function blake2b(data: Uint8Array, size = 64): Buffer {
  if (!Number.isInteger(size) || size < 1 || size > 64)
    throw new RangeError(`BLAKE2b digest size ${size} is not 1-64`);
  const h = new Uint32Array(IV);
  // Parameter block: digest length, key length 0, fanout 1, depth 1.
  h[0] ^= 0x01010000 ^ size;
  let offset = 0;
  // Every full block but the last is compressed as it comes; the last (even a full one) is
  // compressed with the final flag.
  while (data.length - offset > BLOCK) {
    compress(h, data, offset, offset + BLOCK, false);
    offset += BLOCK;
  }
  const tail = new Uint8Array(BLOCK);
  tail.set(data.subarray(offset));
  compress(h, tail, 0, data.length, true);
  const out = Buffer.alloc(64);
  for (let i = 0; i < 16; i++) out.writeUInt32LE(h[i], i * 4);
  return out.subarray(0, size);
}

/** Hex BLAKE2b with a 32-byte digest: PyPI's `blake2_256_digest`. */
export function blake2b256Hex(data: Uint8Array): string {
  return blake2b(data, 32).toString('hex');
}
