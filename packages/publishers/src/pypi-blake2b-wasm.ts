/**
 * The BLAKE2b compression function as a tiny WebAssembly module, assembled here from opcodes
 * (no toolchain, no binary blob): WebAssembly has native 64-bit adds, xors and rotations,
 * which JavaScript must emulate on 32-bit halves, so this runs many times faster than the JS
 * version in pypi-blake2b.ts, which stays as the fallback where WebAssembly is off
 * (`node --jitless`).
 *
 * Memory layout: bytes 0-63 the state h (8 little-endian u64), 64-191 the message block.
 * Export `c(counter: i64, last: i32)` compresses the block into h.
 */

const OP = {
  end: 0x0b,
  if: 0x04,
  void: 0x40,
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  i64Const: 0x42,
  i64Load: 0x29,
  i64Store: 0x37,
  i64Add: 0x7c,
  i64Xor: 0x85,
  i64Rotr: 0x8a,
};
const I64 = 0x7e;
const I32 = 0x7f;

function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

function sleb(value: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = Number(value & 0x7fn);
    value >>= 7n;
    if ((value === 0n && !(byte & 0x40)) || (value === -1n && byte & 0x40)) return [...out, byte];
    out.push(byte | 0x80);
  }
}

const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vec = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (text: string) => [...uleb(text.length), ...Buffer.from(text, 'latin1')];

/** The body of `c`: params counter (local 0), last (local 1); v0-v15 = locals 2-17, m0-m15 = 18-33. */
function compressBody(iv: bigint[], sigma: number[][]): number[] {
  const v = (i: number) => 2 + i;
  const m = (i: number) => 18 + i;
  const code: number[] = [];
  const get = (local: number) => code.push(OP.localGet, local);
  const set = (local: number) => code.push(OP.localSet, local);
  const load = (offset: number) => code.push(OP.i32Const, 0, OP.i64Load, 3, ...uleb(offset));
  for (let i = 0; i < 8; i++) {
    load(i * 8);
    set(v(i));
    // i64.const takes a signed value: the top bit of the IV words is the sign.
    code.push(OP.i64Const, ...sleb(BigInt.asIntN(64, iv[i])));
    set(v(i + 8));
  }
  for (let i = 0; i < 16; i++) {
    load(64 + i * 8);
    set(m(i));
  }
  // v12 ^= counter (the high 64 bits of the counter are zero); v14 = ~v14 on the last block.
  get(v(12));
  get(0);
  code.push(OP.i64Xor);
  set(v(12));
  get(1);
  code.push(OP.if, OP.void);
  get(v(14));
  code.push(OP.i64Const, ...sleb(-1n), OP.i64Xor);
  set(v(14));
  code.push(OP.end);
  // x = rotr(x ^ y, n) and x = x + y (+ z)
  const xorRotr = (x: number, y: number, n: number) => {
    get(x);
    get(y);
    code.push(OP.i64Xor, OP.i64Const, ...sleb(BigInt(n)), OP.i64Rotr);
    set(x);
  };
  const add = (x: number, ...ys: number[]) => {
    get(x);
    for (const y of ys) {
      get(y);
      code.push(OP.i64Add);
    }
    set(x);
  };
  const mix = (a: number, b: number, c: number, d: number, x: number, y: number) => {
    add(v(a), v(b), m(x));
    xorRotr(v(d), v(a), 32);
    add(v(c), v(d));
    xorRotr(v(b), v(c), 24);
    add(v(a), v(b), m(y));
    xorRotr(v(d), v(a), 16);
    add(v(c), v(d));
    xorRotr(v(b), v(c), 63);
  };
  for (let round = 0; round < 12; round++) {
    const s = sigma[round % 10];
    mix(0, 4, 8, 12, s[0], s[1]);
    mix(1, 5, 9, 13, s[2], s[3]);
    mix(2, 6, 10, 14, s[4], s[5]);
    mix(3, 7, 11, 15, s[6], s[7]);
    mix(0, 5, 10, 15, s[8], s[9]);
    mix(1, 6, 11, 12, s[10], s[11]);
    mix(2, 7, 8, 13, s[12], s[13]);
    mix(3, 4, 9, 14, s[14], s[15]);
  }
  // h[i] ^= v[i] ^ v[i + 8]
  for (let i = 0; i < 8; i++) {
    code.push(OP.i32Const, 0);
    load(i * 8);
    get(v(i));
    code.push(OP.i64Xor);
    get(v(i + 8));
    code.push(OP.i64Xor, OP.i64Store, 3, ...uleb(i * 8));
  }
  code.push(OP.end);
  return code;
}

function assemble(iv: bigint[], sigma: number[][]): Uint8Array {
  const body = [...vec([[32, I64]]), ...compressBody(iv, sigma)];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, vec([[0x60, ...vec([[I64], [I32]]), ...vec([])]])),
    ...section(3, vec([[0]])),
    ...section(5, vec([[0x00, 1]])),
    ...section(
      7,
      vec([
        [...name('m'), 0x02, 0],
        [...name('c'), 0x00, 0],
      ]),
    ),
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ]);
}

export interface WasmCompressor {
  /** The module's memory: state at 0-63, block at 64-191. */
  memory: Uint8Array;
  compress(counter: bigint, last: boolean): void;
}

/** The part of the WebAssembly JS API used here (the project's type libraries do not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => {
    exports: { m: { buffer: ArrayBuffer }; c: (counter: bigint, last: number) => void };
  };
}

/** The compressor, or undefined where WebAssembly is unavailable. */
export function createWasmCompressor(iv: bigint[], sigma: number[][]): WasmCompressor | undefined {
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (!api) return undefined;
  try {
    const { exports } = new api.Instance(new api.Module(assemble(iv, sigma)));
    const compress = exports.c;
    return {
      memory: new Uint8Array(exports.m.buffer),
      compress: (counter, last) => compress(counter, last ? 1 : 0),
    };
  } catch {
    return undefined;
  }
}
