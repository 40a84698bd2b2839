import { createWasmCompressor, type WasmCompressor } from './pypi-blake2b-wasm.js';

/**
 * BLAKE2b (RFC 7693), unkeyed, any digest size from 1 to 64 bytes. PyPI's upload API takes a
 * `blake2_256_digest` (BLAKE2b with a 32-byte digest, as Python's
 * `hashlib.blake2b(digest_size=32)`), and Node's crypto offers only BLAKE2b-512, whose
 * truncation is a different value: the digest size is part of the parameter block.
 *
 * The compression runs in WebAssembly (pypi-blake2b-wasm.ts, native 64-bit arithmetic, about
 * ten times faster); the JavaScript version below is the fallback where WebAssembly is off. It
 * holds 64-bit words as (low, high) pairs of 32-bit halves in a Uint32Array, the usual way to
 * do 64-bit arithmetic in JavaScript without BigInt's cost.
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
const TWO32 = 0x100000000;

// SIGMA as offsets into the message pairs (word index * 2), flattened, for the hot loop.
const SIGMA2 = Uint8Array.from(SIGMA.flat().map((i) => i * 2));

// Scratch state, reused by every compression (the module is single-threaded).
const v = new Uint32Array(32);
const m = new Uint32Array(32);

/**
 * The mixing function G on the words at pair offsets a, b, c, d with message words at pair
 * offsets x, y: additions mod 2^64 carried by hand, rotations by 32, 24, 16 and 63.
 * No globals (Math...) in here: under a vm context (Jest) each global lookup is slow.
 */
function mix(a: number, b: number, c: number, d: number, x: number, y: number): void {
  let aLo = v[a];
  let aHi = v[a + 1];
  let bLo = v[b];
  let bHi = v[b + 1];
  let cLo = v[c];
  let cHi = v[c + 1];
  let dLo = v[d];
  let dHi = v[d + 1];
  let lo: number;
  let t: number;
  let u: number;
  // a += b + m[x]
  lo = aLo + bLo + m[x];
  aHi = (aHi + bHi + m[x + 1] + ((lo / TWO32) | 0)) >>> 0;
  aLo = lo >>> 0;
  // d = rotr(d ^ a, 32)
  t = (dLo ^ aLo) >>> 0;
  dLo = (dHi ^ aHi) >>> 0;
  dHi = t;
  // c += d
  lo = cLo + dLo;
  cHi = (cHi + dHi + (lo >= TWO32 ? 1 : 0)) >>> 0;
  cLo = lo >>> 0;
  // b = rotr(b ^ c, 24)
  t = bLo ^ cLo;
  u = bHi ^ cHi;
  bLo = ((t >>> 24) | (u << 8)) >>> 0;
  bHi = ((u >>> 24) | (t << 8)) >>> 0;
  // a += b + m[y]
  lo = aLo + bLo + m[y];
  aHi = (aHi + bHi + m[y + 1] + ((lo / TWO32) | 0)) >>> 0;
  aLo = lo >>> 0;
  // d = rotr(d ^ a, 16)
  t = dLo ^ aLo;
  u = dHi ^ aHi;
  dLo = ((t >>> 16) | (u << 16)) >>> 0;
  dHi = ((u >>> 16) | (t << 16)) >>> 0;
  // c += d
  lo = cLo + dLo;
  cHi = (cHi + dHi + (lo >= TWO32 ? 1 : 0)) >>> 0;
  cLo = lo >>> 0;
  // b = rotr(b ^ c, 63), which is rotl(b ^ c, 1)
  t = bLo ^ cLo;
  u = bHi ^ cHi;
  bLo = ((t << 1) | (u >>> 31)) >>> 0;
  bHi = ((u << 1) | (t >>> 31)) >>> 0;
  v[a] = aLo;
  v[a + 1] = aHi;
  v[b] = bLo;
  v[b + 1] = bHi;
  v[c] = cLo;
  v[c + 1] = cHi;
  v[d] = dLo;
  v[d + 1] = dHi;
}

function compress(h: Uint32Array, block: Uint8Array, offset: number, counter: number, last: boolean): void {
  v.set(h, 0);
  v.set(IV, 16);
  // The byte counter is 128 bits; files never pass 2^53 bytes, so the top words stay zero.
  v[24] ^= counter >>> 0;
  v[25] ^= (counter / TWO32) | 0;
  if (last) {
    v[28] = ~v[28];
    v[29] = ~v[29];
  }
  for (let i = 0; i < 32; i++) {
    const at = offset + i * 4;
    m[i] = block[at] | (block[at + 1] << 8) | (block[at + 2] << 16) | (block[at + 3] << 24);
  }
  for (let round = 0; round < 12; round++) {
    const s = (round % 10) * 16;
    mix(0, 8, 16, 24, SIGMA2[s], SIGMA2[s + 1]);
    mix(2, 10, 18, 26, SIGMA2[s + 2], SIGMA2[s + 3]);
    mix(4, 12, 20, 28, SIGMA2[s + 4], SIGMA2[s + 5]);
    mix(6, 14, 22, 30, SIGMA2[s + 6], SIGMA2[s + 7]);
    mix(0, 10, 20, 30, SIGMA2[s + 8], SIGMA2[s + 9]);
    mix(2, 12, 22, 24, SIGMA2[s + 10], SIGMA2[s + 11]);
    mix(4, 14, 16, 26, SIGMA2[s + 12], SIGMA2[s + 13]);
    mix(6, 8, 18, 28, SIGMA2[s + 14], SIGMA2[s + 15]);
  }
  for (let i = 0; i < 16; i++) h[i] ^= v[i] ^ v[i + 16];
}

function checkSize(size: number): void {
  if (!Number.isInteger(size) || size < 1 || size > 64)
    throw new RangeError(`BLAKE2b digest size ${size} is not 1-64`);
}

/** BLAKE2b in plain JavaScript (the fallback where WebAssembly is off). */
export function blake2bJs(data: Uint8Array, size = 64): Buffer {
  checkSize(size);
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

// The state words as 64-bit values, for the WebAssembly compressor.
const IV64 = Array.from({ length: 8 }, (_, i) => (BigInt(IV[i * 2 + 1]) << 32n) | BigInt(IV[i * 2]));
const toBigInt = BigInt;
let wasm: WasmCompressor | null | undefined;

/** BLAKE2b through the WebAssembly compressor; undefined where WebAssembly is unavailable. */
export function blake2bWasm(data: Uint8Array, size = 64): Buffer | undefined {
  checkSize(size);
  if (wasm === undefined) wasm = createWasmCompressor(IV64, SIGMA) ?? null;
  if (!wasm) return undefined;
  const { memory, compress } = wasm;
  const state = Buffer.from(memory.buffer, 0, 64);
  for (let i = 0; i < 16; i++) state.writeUInt32LE(IV[i], i * 4);
  state.writeUInt32LE((IV[0] ^ 0x01010000 ^ size) >>> 0, 0);
  let offset = 0;
  while (data.length - offset > BLOCK) {
    memory.set(data.subarray(offset, offset + BLOCK), 64);
    compress(toBigInt(offset + BLOCK), false);
    offset += BLOCK;
  }
  memory.fill(0, 64, 64 + BLOCK);
  memory.set(data.subarray(offset), 64);
  compress(toBigInt(data.length), true);
  return Buffer.from(memory.slice(0, size));
}

/** BLAKE2b of `data` with a digest of `size` bytes (default 64). */
export function blake2b(data: Uint8Array, size = 64): Buffer {
  return blake2bWasm(data, size) ?? blake2bJs(data, size);
}

/** Hex BLAKE2b with a 32-byte digest: PyPI's `blake2_256_digest`. */
export function blake2b256Hex(data: Uint8Array): string {
  return blake2b(data, 32).toString('hex');
}
