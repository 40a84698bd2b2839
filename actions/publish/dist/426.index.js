export const id = 426;
export const ids = [426,353];
export const modules = {

/***/ 380:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ getIdToken),
/* harmony export */   r: () => (/* binding */ oidcAvailable)
/* harmony export */ });
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3363);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5736);
/**
 * GitHub Actions OIDC: an ID token for trusted publishing, available when the job grants
 * `id-token: write` (the runner then sets ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN).
 */


function oidcAvailable(env = process.env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
async function getIdToken(audience, http = new _http_js__WEBPACK_IMPORTED_MODULE_0__/* .HttpClient */ .Qq(), env = process.env) {
    if (!oidcAvailable(env))
        throw new Error('no OIDC token: the job needs `permissions: id-token: write`');
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .addSecret */ .Ck)(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    const url = new URL(env.ACTIONS_ID_TOKEN_REQUEST_URL);
    url.searchParams.set('audience', audience);
    const res = await http.request({
        url,
        headers: { authorization: `Bearer ${env.ACTIONS_ID_TOKEN_REQUEST_TOKEN}`, accept: 'application/json' },
    });
    if (!res.ok)
        throw new Error(`the runner refused an OIDC token (HTTP ${res.status})`);
    const value = res.json().value;
    if (!value)
        throw new Error('the runner returned no OIDC token');
    (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .addSecret */ .Ck)(value);
    return value;
}


/***/ }),

/***/ 1541:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GE: () => (/* binding */ expandGlobs),
/* harmony export */   eP: () => (/* binding */ parseWheelFilename),
/* harmony export */   jq: () => (/* binding */ isCompanionFile),
/* harmony export */   vO: () => (/* binding */ projectFromFilename)
/* harmony export */ });
/* unused harmony export globToRegExp */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1985);
/**
 * The `dist` globs: `*`, `?`, `[...]` within a path segment and `**` across segments, matched
 * against files under the workspace. Like Python's glob (what `twine upload dist/*` gets from
 * the shell), a wildcard does not match a leading dot, so hatch's `dist/.gitignore` stays out.
 */




const SKIP_DIRS = new Set(['.git', 'node_modules']);
/** Files that sit beside distributions and are never uploaded themselves. */
const isCompanionFile = (filename) => /\.(asc|sig|sigstore|attestation|publish\.attestation)$/.test(filename);
/** PEP 427: `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`. */
function parseWheelFilename(filename) {
    const parts = filename.replace(/\.whl$/, '').split('-');
    if (parts.length !== 5 && parts.length !== 6)
        return undefined;
    const [name, version] = parts;
    const [python, abi, platform] = parts.slice(-3);
    return { name, version, python, abi, platform };
}
/**
 * The project a distribution belongs to, from its file name alone (no unpacking): a wheel's
 * first field, an sdist's name before its last `-`. Names compare by their PEP 503 form, which
 * `_` and `-` share, so `acme_app-1.0-py3-none-any.whl` names the project acme-app.
 */
function projectFromFilename(filename) {
    const base = filename.slice(filename.lastIndexOf('/') + 1);
    if (base.endsWith('.whl'))
        return parseWheelFilename(base)?.name.replace(/_/g, '-') || undefined;
    const stem = /^(.+)\.(tar\.gz|zip)$/.exec(base)?.[1];
    const dash = stem?.lastIndexOf('-') ?? -1;
    return stem && dash > 0 ? stem.slice(0, dash).replace(/_/g, '-') : undefined;
}
function segmentToRegExp(segment) {
    let out = '';
    for (let i = 0; i < segment.length; i++) {
        const c = segment[i];
        if (c === '*')
            out += '[^/]*';
        else if (c === '?')
            out += '[^/]';
        else if (c === '[') {
            const end = segment.indexOf(']', i + 2);
            if (end === -1)
                out += '\\[';
            else {
                const body = segment
                    .slice(i + 1, end)
                    .replace(/^!/, '^')
                    .replace(/\\/g, '\\\\');
                out += `[${body}]`;
                i = end;
            }
        }
        else
            out += c.replace(/[.+^${}()|\\]/g, '\\$&');
    }
    // A wildcard at the start of a segment does not match a leading dot.
    return /^[*?[]/.test(segment) ? `(?!\\.)${out}` : out;
}
function globToRegExp(pattern) {
    const segments = pattern.replace(/^\.\//, '').split('/').filter(Boolean);
    const parts = segments.map((segment, i) => {
        if (segment !== '**')
            return segmentToRegExp(segment) + (i < segments.length - 1 ? '/' : '');
        return i < segments.length - 1 ? '(?:(?!\\.)[^/]*/)*' : '(?:(?!\\.)[^/]*/)*(?!\\.)[^/]*';
    });
    return new RegExp(`^${parts.join('')}$`);
}
const hasMagic = (segment) => /[*?[]/.test(segment);
function walk(dir, depth, visit) {
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir);
    }
    catch {
        return;
    }
    for (const name of names) {
        const full = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, name);
        let stat;
        try {
            stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(full);
        }
        catch {
            continue;
        }
        if (stat.isDirectory()) {
            if (depth > 0 && !SKIP_DIRS.has(name))
                walk(full, depth - 1, visit);
        }
        else if (stat.isFile())
            visit(full);
    }
}
/**
 * The files the globs match, in pattern order then name order, each once. A pattern without
 * wildcards must name an existing file; every result is checked to stay inside the workspace.
 */
function expandGlobs(workspace, patterns, input = 'dist') {
    const root = (0,_deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(workspace, '.', input);
    const found = [];
    for (const pattern of patterns) {
        if (pattern.includes('\0'))
            throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz.bad(input, pattern, 'contains a NUL character');
        const segments = pattern.replace(/^\.\//, '').split('/').filter(Boolean);
        const firstMagic = segments.findIndex(hasMagic);
        if (firstMagic === -1) {
            found.push((0,_deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(root, pattern, input));
            continue;
        }
        const base = (0,_deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(root, segments.slice(0, firstMagic).join('/') || '.', input);
        const depth = segments.includes('**') ? 32 : segments.length - firstMagic - 1;
        const matcher = globToRegExp(pattern);
        const matches = [];
        walk(base, depth, (file) => {
            const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, file).split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/');
            if (matcher.test(rel))
                matches.push(file);
        });
        found.push(...matches.sort().map((file) => (0,_deploy_actions_action_kit_paths__WEBPACK_IMPORTED_MODULE_3__/* .resolveInside */ .L)(root, (0,node_path__WEBPACK_IMPORTED_MODULE_1__.relative)(root, file), input)));
    }
    return [...new Set(found)];
}


/***/ }),

/***/ 6426:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publish: () => (/* binding */ publish)
});

// EXTERNAL MODULE: ./packages/action-kit/src/errors.ts
var errors = __webpack_require__(8826);
// EXTERNAL MODULE: ./packages/action-kit/src/http.ts + 1 modules
var http = __webpack_require__(3363);
// EXTERNAL MODULE: ./packages/action-kit/src/secrets.ts
var secrets = __webpack_require__(5736);
// EXTERNAL MODULE: ./packages/registries/src/pypi.ts
var pypi = __webpack_require__(353);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./packages/publishers/src/pypi-blake2b-wasm.ts
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
function uleb(value) {
    const out = [];
    do {
        let byte = value & 0x7f;
        value >>>= 7;
        if (value)
            byte |= 0x80;
        out.push(byte);
    } while (value);
    return out;
}
function sleb(value) {
    const out = [];
    for (;;) {
        const byte = Number(value & 0x7fn);
        value >>= 7n;
        if ((value === 0n && !(byte & 0x40)) || (value === -1n && byte & 0x40))
            return [...out, byte];
        out.push(byte | 0x80);
    }
}
const section = (id, body) => [id, ...uleb(body.length), ...body];
const vec = (items) => [...uleb(items.length), ...items.flat()];
const pypi_blake2b_wasm_name = (text) => [...uleb(text.length), ...Buffer.from(text, 'latin1')];
/** The body of `c`: params counter (local 0), last (local 1); v0-v15 = locals 2-17, m0-m15 = 18-33. */
function compressBody(iv, sigma) {
    const v = (i) => 2 + i;
    const m = (i) => 18 + i;
    const code = [];
    const get = (local) => code.push(OP.localGet, local);
    const set = (local) => code.push(OP.localSet, local);
    const load = (offset) => code.push(OP.i32Const, 0, OP.i64Load, 3, ...uleb(offset));
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
    const xorRotr = (x, y, n) => {
        get(x);
        get(y);
        code.push(OP.i64Xor, OP.i64Const, ...sleb(BigInt(n)), OP.i64Rotr);
        set(x);
    };
    const add = (x, ...ys) => {
        get(x);
        for (const y of ys) {
            get(y);
            code.push(OP.i64Add);
        }
        set(x);
    };
    const mix = (a, b, c, d, x, y) => {
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
function assemble(iv, sigma) {
    const body = [...vec([[32, I64]]), ...compressBody(iv, sigma)];
    return Uint8Array.from([
        ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
        ...section(1, vec([[0x60, ...vec([[I64], [I32]]), ...vec([])]])),
        ...section(3, vec([[0]])),
        ...section(5, vec([[0x00, 1]])),
        ...section(7, vec([
            [...pypi_blake2b_wasm_name('m'), 0x02, 0],
            [...pypi_blake2b_wasm_name('c'), 0x00, 0],
        ])),
        ...section(10, vec([[...uleb(body.length), ...body]])),
    ]);
}
/** The compressor, or undefined where WebAssembly is unavailable. */
function createWasmCompressor(iv, sigma) {
    const api = globalThis.WebAssembly;
    if (!api)
        return undefined;
    try {
        const { exports } = new api.Instance(new api.Module(assemble(iv, sigma)));
        const compress = exports.c;
        return {
            memory: new Uint8Array(exports.m.buffer),
            compress: (counter, last) => compress(counter, last ? 1 : 0),
        };
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./packages/publishers/src/pypi-blake2b.ts

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
function mix(a, b, c, d, x, y) {
    let aLo = v[a];
    let aHi = v[a + 1];
    let bLo = v[b];
    let bHi = v[b + 1];
    let cLo = v[c];
    let cHi = v[c + 1];
    let dLo = v[d];
    let dHi = v[d + 1];
    let lo;
    let t;
    let u;
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
function compress(h, block, offset, counter, last) {
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
    for (let i = 0; i < 16; i++)
        h[i] ^= v[i] ^ v[i + 16];
}
function checkSize(size) {
    if (!Number.isInteger(size) || size < 1 || size > 64)
        throw new RangeError(`BLAKE2b digest size ${size} is not 1-64`);
}
/** BLAKE2b in plain JavaScript (the fallback where WebAssembly is off). */
function blake2bJs(data, size = 64) {
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
    for (let i = 0; i < 16; i++)
        out.writeUInt32LE(h[i], i * 4);
    return out.subarray(0, size);
}
// The state words as 64-bit values, for the WebAssembly compressor.
const IV64 = Array.from({ length: 8 }, (_, i) => (BigInt(IV[i * 2 + 1]) << 32n) | BigInt(IV[i * 2]));
const toBigInt = BigInt;
let wasm;
/** BLAKE2b through the WebAssembly compressor; undefined where WebAssembly is unavailable. */
function blake2bWasm(data, size = 64) {
    checkSize(size);
    if (wasm === undefined)
        wasm = createWasmCompressor(IV64, SIGMA) ?? null;
    if (!wasm)
        return undefined;
    const { memory, compress } = wasm;
    const state = Buffer.from(memory.buffer, 0, 64);
    for (let i = 0; i < 16; i++)
        state.writeUInt32LE(IV[i], i * 4);
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
function blake2b(data, size = 64) {
    return blake2bWasm(data, size) ?? blake2bJs(data, size);
}
/** Hex BLAKE2b with a 32-byte digest: PyPI's `blake2_256_digest`. */
function blake2b256Hex(data) {
    return blake2b(data, 32).toString('hex');
}

;// CONCATENATED MODULE: ./packages/publishers/src/pypi-metadata.ts
/**
 * Core metadata (PKG-INFO / METADATA, https://packaging.python.org/specifications/core-metadata/):
 * RFC 822 style headers, then an optional body that is the long description. And the form
 * fields PyPI's upload API takes for them, named and repeated as twine sends them.
 */
/** Header -> upload form field, for fields sent once. */
const SINGLE = {
    'metadata-version': 'metadata_version',
    name: 'name',
    version: 'version',
    summary: 'summary',
    'home-page': 'home_page',
    'download-url': 'download_url',
    author: 'author',
    'author-email': 'author_email',
    maintainer: 'maintainer',
    'maintainer-email': 'maintainer_email',
    license: 'license',
    'license-expression': 'license_expression',
    keywords: 'keywords',
    'requires-python': 'requires_python',
    'description-content-type': 'description_content_type',
};
/** Header -> upload form field, for multiple-use fields (one form field per value). */
const MULTIPLE = {
    classifier: 'classifiers',
    platform: 'platform',
    'supported-platform': 'supported_platform',
    'requires-dist': 'requires_dist',
    'requires-external': 'requires_external',
    'project-url': 'project_urls',
    'provides-extra': 'provides_extras',
    'provides-dist': 'provides_dist',
    'obsoletes-dist': 'obsoletes_dist',
    requires: 'requires',
    provides: 'provides',
    obsoletes: 'obsoletes',
    dynamic: 'dynamic',
};
/**
 * A folded Description keeps its line structure: setuptools indents continuation lines with
 * 8 spaces and a `|` (older) or 8 spaces, which are not part of the text.
 */
function unfoldDescription(lines) {
    return [lines[0], ...lines.slice(1).map((line) => line.replace(/^ {8}\|?|^\t/, ''))].join('\n');
}
function parseCoreMetadata(text) {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const headers = new Map();
    const raw = [];
    let i = 0;
    for (; i < lines.length; i++) {
        const line = lines[i];
        if (line === '')
            break;
        if (/^[ \t]/.test(line) && raw.length) {
            raw[raw.length - 1].lines.push(line);
            continue;
        }
        const colon = line.indexOf(':');
        if (colon <= 0)
            continue; // not a header; email parsers skip such lines too
        raw.push({
            key: line.slice(0, colon).trim().toLowerCase(),
            lines: [line.slice(colon + 1).replace(/^[ \t]+/, '')],
        });
    }
    let description;
    for (const { key, lines: parts } of raw) {
        const value = key === 'description' ? unfoldDescription(parts) : parts.map((p) => p.trim()).join(' ');
        if (key === 'description')
            description = value;
        else
            headers.set(key, [...(headers.get(key) ?? []), value]);
    }
    const body = lines.slice(i + 1).join('\n');
    if (body.trim())
        description = body;
    return { headers, description };
}
function header(metadata, name) {
    return metadata.headers.get(name.toLowerCase())?.[0];
}
/** The metadata part of the upload form, as [field, value] pairs (repeated fields repeat). */
function metadataFormFields(metadata) {
    const fields = [];
    for (const [key, values] of metadata.headers) {
        if (SINGLE[key] && values[0] !== undefined && values[0] !== '')
            fields.push([SINGLE[key], values[0]]);
        else if (MULTIPLE[key])
            for (const value of values)
                fields.push([MULTIPLE[key], value]);
    }
    if (metadata.description !== undefined)
        fields.push(['description', metadata.description]);
    return fields;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./packages/publishers/src/pypi-tar.ts
/**
 * Just enough of a tar reader to take PKG-INFO out of an sdist (.tar.gz): ustar headers with
 * their prefix, pax extended headers (`path=`), and GNU long names, as Python's tarfile writes
 * them. Entries are visited in order and the visitor can stop the walk early.
 */

class TarFormatError extends Error {
}
const pypi_tar_BLOCK = 512;
function pypi_tar_text(header, start, length) {
    const field = header.subarray(start, start + length);
    const end = field.indexOf(0);
    return field.toString('utf8', 0, end === -1 ? length : end);
}
function size(header) {
    // Base-256 (GNU) when the high bit is set, else octal text.
    if (header[124] & 0x80) {
        let value = 0;
        for (let i = 125; i < 136; i++)
            value = value * 256 + header[i];
        return value;
    }
    const octal = pypi_tar_text(header, 124, 12).trim();
    if (!/^[0-7]*$/.test(octal))
        throw new TarFormatError(`bad size field ${JSON.stringify(octal)}`);
    return octal ? parseInt(octal, 8) : 0;
}
function checksumOk(header) {
    const stored = parseInt(pypi_tar_text(header, 148, 8).trim(), 8);
    let sum = 0;
    for (let i = 0; i < pypi_tar_BLOCK; i++)
        sum += i >= 148 && i < 156 ? 0x20 : header[i];
    return stored === sum;
}
/** `key=value` records of a pax header, each `LENGTH key=value\n`. */
function paxRecords(data) {
    const records = {};
    let at = 0;
    while (at < data.length) {
        const space = data.indexOf(0x20, at);
        if (space === -1)
            break;
        const length = Number(data.toString('ascii', at, space));
        if (!Number.isInteger(length) || length <= 0)
            break;
        const record = data.toString('utf8', space + 1, at + length - 1);
        const eq = record.indexOf('=');
        if (eq > 0)
            records[record.slice(0, eq)] = record.slice(eq + 1);
        at += length;
    }
    return records;
}
/** Visit the entries of an uncompressed tar; return true from `visit` to stop. */
function walkTar(tar, visit) {
    let at = 0;
    let longName;
    let pax = {};
    let globalPax = {};
    while (at + pypi_tar_BLOCK <= tar.length) {
        const header = tar.subarray(at, at + pypi_tar_BLOCK);
        if (header.every((b) => b === 0))
            return;
        if (!checksumOk(header))
            throw new TarFormatError(`damaged header at offset ${at}`);
        const length = size(header);
        const dataStart = at + pypi_tar_BLOCK;
        if (dataStart + length > tar.length)
            throw new TarFormatError('an entry runs past the end of the archive');
        const data = tar.subarray(dataStart, dataStart + length);
        at = dataStart + Math.ceil(length / pypi_tar_BLOCK) * pypi_tar_BLOCK;
        const type = pypi_tar_text(header, 156, 1) || '0';
        if (type === 'x')
            pax = paxRecords(data);
        else if (type === 'g')
            globalPax = { ...globalPax, ...paxRecords(data) };
        else if (type === 'L')
            longName = pypi_tar_text(data, 0, data.length);
        else {
            const magic = pypi_tar_text(header, 257, 6);
            const prefix = magic.startsWith('ustar') ? pypi_tar_text(header, 345, 155) : '';
            const base = pypi_tar_text(header, 0, 100);
            const name = pax.path ?? longName ?? globalPax.path ?? (prefix ? `${prefix}/${base}` : base);
            pax = {};
            longName = undefined;
            if (visit({ name, type, size: length, data }))
                return;
        }
    }
}
/** Gunzip an archive (capped at `maxSize` bytes unpacked, a gzip bomb guard). */
function gunzipTar(gz, maxSize = 1024 * 1024 * 1024) {
    return (0,external_node_zlib_.gunzipSync)(gz, { maxOutputLength: maxSize });
}
/** The first regular file whose name matches, or undefined. */
function findTarFile(tar, matches) {
    let found;
    walkTar(tar, (entry) => {
        if ((entry.type === '0' || entry.type === '7') && matches(entry.name)) {
            found = entry;
            return true;
        }
    });
    return found;
}

;// CONCATENATED MODULE: ./packages/publishers/src/pypi-zip.ts
/**
 * Just enough of a ZIP reader to take one file out of a wheel (or a .zip sdist): the central
 * directory (ZIP64 included), then the entry's local header, stored or deflated data.
 * The central directory is the archive's own index, so nothing else is parsed or inflated.
 */

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const UINT32_MAX = 0xffffffff;
class ZipFormatError extends Error {
}
function uint64(buf, at) {
    const value = buf.readBigUInt64LE(at);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
        throw new ZipFormatError('a ZIP64 field is too large');
    return Number(value);
}
function findEndOfCentralDirectory(buf) {
    // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end.
    const stop = Math.max(0, buf.length - 22 - 0xffff);
    for (let at = buf.length - 22; at >= stop; at--)
        if (buf.readUInt32LE(at) === EOCD)
            return at;
    throw new ZipFormatError('not a ZIP archive (no end of central directory record)');
}
/** Every entry of the central directory. */
function listZipEntries(buf) {
    const eocd = findEndOfCentralDirectory(buf);
    let count = buf.readUInt16LE(eocd + 10);
    let cdSize = buf.readUInt32LE(eocd + 12);
    let cdOffset = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === UINT32_MAX || cdOffset === UINT32_MAX) {
        const locator = eocd - 20;
        if (locator < 0 || buf.readUInt32LE(locator) !== ZIP64_LOCATOR)
            throw new ZipFormatError('ZIP64 locator missing');
        const record = uint64(buf, locator + 8);
        if (record + 56 > buf.length || buf.readUInt32LE(record) !== ZIP64_EOCD)
            throw new ZipFormatError('ZIP64 record missing');
        count = uint64(buf, record + 32);
        cdSize = uint64(buf, record + 40);
        cdOffset = uint64(buf, record + 48);
    }
    if (cdOffset + cdSize > buf.length)
        throw new ZipFormatError('central directory runs past the end of the file');
    const entries = [];
    let at = cdOffset;
    for (let i = 0; i < count; i++) {
        if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL)
            throw new ZipFormatError(`central directory entry ${i} is damaged`);
        const nameLength = buf.readUInt16LE(at + 28);
        const extraLength = buf.readUInt16LE(at + 30);
        const commentLength = buf.readUInt16LE(at + 32);
        const entry = {
            name: buf.toString('utf8', at + 46, at + 46 + nameLength),
            method: buf.readUInt16LE(at + 10),
            compressedSize: buf.readUInt32LE(at + 20),
            size: buf.readUInt32LE(at + 24),
            localHeaderOffset: buf.readUInt32LE(at + 42),
        };
        readZip64Extra(buf.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), entry);
        entries.push(entry);
        at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
/** Sizes and offsets that overflow 32 bits live in the ZIP64 extra field (id 1), in this order. */
function readZip64Extra(extra, entry) {
    for (let at = 0; at + 4 <= extra.length;) {
        const id = extra.readUInt16LE(at);
        const length = extra.readUInt16LE(at + 2);
        if (id === 1) {
            let field = at + 4;
            for (const key of ['size', 'compressedSize', 'localHeaderOffset']) {
                if (entry[key] === UINT32_MAX && field + 8 <= at + 4 + length) {
                    entry[key] = uint64(extra, field);
                    field += 8;
                }
            }
        }
        at += 4 + length;
    }
}
/** The bytes of one entry; refuses entries larger than `maxSize` (a zip bomb guard). */
function readZipEntry(buf, entry, maxSize = 64 * 1024 * 1024) {
    const at = entry.localHeaderOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL)
        throw new ZipFormatError(`local header of ${entry.name} is damaged`);
    if (entry.size > maxSize)
        throw new ZipFormatError(`${entry.name} is larger than ${maxSize} bytes`);
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const data = buf.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize)
        throw new ZipFormatError(`${entry.name} runs past the end of the file`);
    let out;
    if (entry.method === 0)
        out = data;
    else if (entry.method === 8)
        out = (0,external_node_zlib_.inflateRawSync)(data, { maxOutputLength: Math.max(1, maxSize) });
    else
        throw new ZipFormatError(`${entry.name} uses compression method ${entry.method} (only stored and deflate are read)`);
    if (out.length !== entry.size)
        throw new ZipFormatError(`${entry.name} is ${out.length} bytes, its header says ${entry.size}`);
    return out;
}

// EXTERNAL MODULE: ./packages/publishers/src/pypi-files.ts
var pypi_files = __webpack_require__(1541);
;// CONCATENATED MODULE: ./packages/publishers/src/pypi-distribution.ts
/**
 * A distribution file ready to upload: its type from the file name, its core metadata read
 * from inside it (a wheel's `*.dist-info/METADATA`, an sdist's top-level `PKG-INFO`), and the
 * digests PyPI checks. No Python needed.
 */









/** A file the `dist` globs matched that cannot be read as a distribution. */
class DistributionError extends Error {
    file;
    constructor(file, message) {
        super(`${file}: ${message}`);
        this.file = file;
    }
}
function filetypeOf(filename) {
    if (filename.endsWith('.whl'))
        return 'bdist_wheel';
    if (filename.endsWith('.tar.gz') || filename.endsWith('.zip'))
        return 'sdist';
    return undefined;
}
/** `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl` (PEP 427). */
function wheelMetadata(buf, filename) {
    const entries = listZipEntries(buf).filter((e) => /^[^/]+\.dist-info\/METADATA$/.test(e.name));
    if (!entries.length)
        throw new DistributionError(filename, 'has no *.dist-info/METADATA: not a wheel');
    const prefix = `${(0,pypi_files/* parseWheelFilename */.eP)(filename)?.name ?? ''}-`;
    const entry = entries.find((e) => e.name.startsWith(prefix)) ?? entries[0];
    return readZipEntry(buf, entry).toString('utf8');
}
/** PKG-INFO directly inside the sdist's single top-level folder (not an egg-info copy). */
const isTopLevelPkgInfo = (name) => /^[^/]+\/PKG-INFO$/.test(name.replace(/^\.\//, ''));
function sdistMetadata(buf, filename) {
    if (filename.endsWith('.zip')) {
        const entry = listZipEntries(buf).find((e) => isTopLevelPkgInfo(e.name));
        if (!entry)
            throw new DistributionError(filename, 'has no top-level PKG-INFO: not an sdist');
        return readZipEntry(buf, entry).toString('utf8');
    }
    const entry = findTarFile(gunzipTar(buf), isTopLevelPkgInfo);
    if (!entry)
        throw new DistributionError(filename, 'has no top-level PKG-INFO: not an sdist');
    return entry.data.toString('utf8');
}
function readDistribution(path) {
    const filename = (0,external_node_path_.basename)(path);
    const filetype = filetypeOf(filename);
    if (!filetype)
        throw new DistributionError(filename, 'is not a wheel (.whl) or an sdist (.tar.gz, .zip)');
    const content = (0,external_node_fs_.readFileSync)(path);
    let text;
    try {
        text = filetype === 'bdist_wheel' ? wheelMetadata(content, filename) : sdistMetadata(content, filename);
    }
    catch (caught) {
        if (caught instanceof DistributionError)
            throw caught;
        throw new DistributionError(filename, `cannot be read (${caught instanceof Error ? caught.message : String(caught)})`);
    }
    const metadata = parseCoreMetadata(text);
    const name = header(metadata, 'Name');
    const version = header(metadata, 'Version');
    const metadataVersion = header(metadata, 'Metadata-Version');
    if (!name || !version || !metadataVersion)
        throw new DistributionError(filename, 'its metadata lacks Name, Version or Metadata-Version');
    const pyversion = filetype === 'sdist' ? 'source' : (0,pypi_files/* parseWheelFilename */.eP)(filename)?.python;
    if (!pyversion)
        throw new DistributionError(filename, 'is not a valid wheel file name (PEP 427)');
    return {
        path,
        filename,
        filetype,
        pyversion,
        metadata,
        name,
        version,
        metadataVersion,
        content,
        sha256: (0,external_node_crypto_.createHash)('sha256').update(content).digest('hex'),
        md5: (0,external_node_crypto_.createHash)('md5').update(content).digest('hex'),
        blake2_256: blake2b256Hex(content),
    };
}

;// CONCATENATED MODULE: ./packages/publishers/src/pypi-multipart.ts
/**
 * multipart/form-data (RFC 7578) for PyPI's upload API: text fields as UTF-8, the file as
 * `content` with its name, exactly the shape twine sends through requests-toolbelt.
 */

/** Quote a header parameter value: backslash-escape `"` and `\`, no line breaks. */
const quote = (value) => `"${value.replace(/[\r\n]/g, ' ').replace(/(["\\])/g, '\\$1')}"`;
function buildMultipart(fields, file) {
    const boundary = `----deploy-actions-${(0,external_node_crypto_.randomBytes)(16).toString('hex')}`;
    const chunks = [];
    for (const [name, value] of fields) {
        chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quote(name)}\r\n\r\n`, 'utf8'));
        chunks.push(Buffer.from(value, 'utf8'), Buffer.from('\r\n'));
    }
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quote(file.field)}; filename=${quote(file.filename)}\r\n` +
        `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`, 'utf8'), file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
    return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

// EXTERNAL MODULE: ./packages/action-kit/src/oidc.ts
var oidc = __webpack_require__(380);
;// CONCATENATED MODULE: ./packages/publishers/src/pypi-oidc.ts
/**
 * PyPI trusted publishing: trade the job's GitHub OIDC ID token for a short-lived upload token.
 * `GET {registry}/_/oidc/audience` -> `{audience}`; the runner's ID token for that audience;
 * `POST {registry}/_/oidc/mint-token` with `{"token": <ID token>}` -> `{"token": <upload token>}`.
 * `/_/oidc/mint-token` is the endpoint PyPI's documentation gives for the manual exchange;
 * `/_/oidc/github/mint-token` (what older pypa/gh-action-pypi-publish releases call) is tried
 * only when an index answers 404 to the first.
 */



const MINT_TOKEN_PATHS = ['_/oidc/mint-token', '_/oidc/github/mint-token'];
const TRUSTED_PUBLISHER_HINT = 'Add this repository and workflow as a trusted publisher in the project settings on PyPI (Publishing), ' +
    'or pass an API token through `token` or PYPI_TOKEN.';
function mintFailure(body) {
    try {
        const parsed = JSON.parse(body);
        const reasons = (parsed.errors ?? []).map((e) => `${e.code ?? 'error'}: ${e.description ?? ''}`.trim());
        return [parsed.message, ...reasons].filter(Boolean).join('; ');
    }
    catch {
        return body.slice(0, 200);
    }
}
/** An upload token minted by trusted publishing; undefined when the job has no OIDC. */
async function trustedPublishingToken(registry, label, http, env) {
    if (!(0,oidc/* oidcAvailable */.r)(env))
        return undefined;
    const audienceRes = await http.request({
        url: `${registry}_/oidc/audience`,
        headers: { accept: 'application/json' },
    });
    if (!audienceRes.ok)
        throw new errors/* RegistryError */.gl(label, `does not offer trusted publishing (GET _/oidc/audience answered HTTP ${audienceRes.status})`, 'Pass an API token through `token` or PYPI_TOKEN.', audienceRes.status);
    const audience = audienceRes.json().audience;
    if (!audience)
        throw new errors/* RegistryError */.gl(label, 'its _/oidc/audience answer has no audience');
    const idToken = await (0,oidc/* getIdToken */.p)(audience, http, env);
    for (const path of MINT_TOKEN_PATHS) {
        const res = await http.request({
            method: 'POST',
            url: `${registry}${path}`,
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({ token: idToken }),
            // Minting twice is harmless (each token expires on its own), so a failed attempt may be retried.
            beforeRetry: async () => true,
        });
        if (res.status === 404)
            continue;
        if (!res.ok)
            throw new errors/* RegistryError */.gl(label, `refused the trusted publishing exchange (HTTP ${res.status}: ${mintFailure(res.text())})`, TRUSTED_PUBLISHER_HINT, res.status);
        const token = res.json().token;
        if (!token)
            throw new errors/* RegistryError */.gl(label, 'the trusted publishing exchange returned no token');
        (0,secrets/* addSecret */.Ck)(token);
        return token;
    }
    throw new errors/* RegistryError */.gl(label, 'has no trusted publishing token endpoint (_/oidc/mint-token answered 404)', TRUSTED_PUBLISHER_HINT, 404);
}

;// CONCATENATED MODULE: ./packages/publishers/src/pypi.ts
/**
 * Publish wheels and sdists to PyPI (or any index with Warehouse's legacy upload API) without
 * Python: metadata read from the files, the upload form built as twine builds it.
 *
 * Idempotent per file: PyPI's JSON API says which files of the version are there, and only the
 * missing ones are sent, so a rerun after a half-finished upload completes it. PyPI never
 * accepts a file name twice, so `force` with any file already there is an error. After a failed
 * upload (5xx, reset, timeout) the JSON API is asked whether the file landed before it is sent
 * again.
 */









const AUTH_HINT = 'Use a PyPI API token (it starts with pypi-) that may upload to this project, through `token` or PYPI_TOKEN; ' +
    'it is sent as the password of the user __token__. Or set up trusted publishing for this workflow.';
const asList = (value) => Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? [value] : [];
/** The message of a refused upload: Warehouse puts it in the body (plain text or simple HTML). */
function refusal(body) {
    const text = body
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}
function loadDistributions(settings, ctx, pep440) {
    const patterns = asList(settings.dist);
    const globs = patterns.length ? patterns : ['dist/*'];
    const files = (0,pypi_files/* expandGlobs */.GE)(ctx.workspace, globs).filter((file) => {
        if (!(0,pypi_files/* isCompanionFile */.jq)(file))
            return true;
        ctx.reporter.debug(`${file}: a signature or attestation, not uploaded on its own`);
        return false;
    });
    if (!files.length)
        throw errors/* InputError */.dz.bad('dist', globs.join(', '), `matched no wheel or sdist in ${ctx.workspace}`, 'Build the distributions first (e.g. python -m build), or fix the `dist` globs.');
    const dists = files.map((file) => {
        try {
            return readDistribution(file);
        }
        catch (caught) {
            if (caught instanceof DistributionError)
                throw errors/* InputError */.dz.bad('dist', caught.file, caught.message.slice(caught.file.length + 2), 'Point the `dist` globs at wheels (.whl) and sdists (.tar.gz) only.');
            throw caught;
        }
    });
    const project = typeof settings.package === 'string' && settings.package ? settings.package : dists[0].name;
    const seen = new Map();
    for (const dist of dists) {
        if ((0,pypi.normalizeProjectName)(dist.name) !== (0,pypi.normalizeProjectName)(project))
            throw errors/* InputError */.dz.bad('dist', dist.filename, `belongs to the project ${dist.name}, not ${project}`, 'Upload one project per target: narrow the `dist` globs or fix `package`.');
        if ((0,pypi.canonicalPep440)(dist.version) !== (0,pypi.canonicalPep440)(pep440))
            throw errors/* InputError */.dz.bad('dist', dist.filename, `is version ${dist.version}, but the release is ${ctx.version.version} (${pep440} in PEP 440)`, 'Rebuild the distributions for this version, or set `version` to the version they were built for.');
        const twin = seen.get(dist.filename);
        if (twin && twin.sha256 !== dist.sha256)
            throw errors/* InputError */.dz.bad('dist', dist.filename, `is matched twice with different contents (${twin.path} and ${dist.path})`);
        seen.set(dist.filename, dist);
    }
    return [...seen.values()];
}
function uploadForm(dist) {
    return [
        [':action', 'file_upload'],
        ['protocol_version', '1'],
        ...metadataFormFields(dist.metadata),
        ['filetype', dist.filetype],
        ['pyversion', dist.pyversion],
        ['md5_digest', dist.md5],
        ['sha256_digest', dist.sha256],
        ['blake2_256_digest', dist.blake2_256],
    ];
}
/** The index's copy of the file, if it has one; a different file under the name is an error. */
async function landed(up, dist) {
    const remote = (await up.client.files(up.pep440)).find((f) => f.filename === dist.filename);
    if (!remote)
        return false;
    if (remote.sha256 && remote.sha256 !== dist.sha256)
        throw new errors/* RegistryError */.gl(up.label, `${dist.filename} is already there with different contents (sha256 ${remote.sha256}): PyPI forbids re-uploading a file`, 'File names on PyPI are immutable: publish a new version (e.g. a .post release) with the changed files.');
    return true;
}
/** Upload one file; returns a note when it turned out to be there already. */
async function uploadOne(up, dist) {
    const { body, contentType } = buildMultipart(uploadForm(dist), {
        field: 'content',
        filename: dist.filename,
        data: dist.content,
    });
    up.ctx.reporter.info(`Uploading ${dist.filename} (${(dist.content.length / 1024).toFixed(1)} KiB) to ${up.uploadUrl}`);
    let res;
    try {
        res = await up.ctx.http.request({
            method: 'POST',
            url: up.uploadUrl,
            headers: { authorization: (0,http/* basicAuth */.tB)('__token__', up.token), 'content-type': contentType },
            body,
            // Large files get more time than the default per attempt (at least 512 KiB/s).
            timeoutMs: dist.content.length > 8 * 1024 * 1024 ? 30_000 + Math.ceil(dist.content.length / 512) : undefined,
            beforeRetry: async (reason) => {
                if (await landed(up, dist))
                    return false;
                up.ctx.reporter.info(`${dist.filename}: ${reason}; it is not on the index, sending it again`);
                return true;
            },
        });
    }
    catch (caught) {
        if (caught instanceof http/* AlreadyDoneSignal */.lT)
            return `${dist.filename}: landed despite ${caught.reason}`;
        if (caught instanceof http/* TransientHttpError */.jt) {
            if (await landed(up, dist))
                return `${dist.filename}: landed despite ${caught.reason}`;
            throw new Error(`uploading ${dist.filename} to ${up.uploadUrl} failed: ${caught.message}`);
        }
        throw caught;
    }
    if (res.ok)
        return undefined;
    const message = refusal(res.text());
    if (res.status === 400 && /file already exists/i.test(message)) {
        // Another run uploaded it between our check and our upload; the same bytes are fine.
        if (await landed(up, dist))
            return `${dist.filename}: uploaded meanwhile by another run`;
    }
    if (res.status === 401 || res.status === 403)
        throw new errors/* RegistryError */.gl(up.label, `refused the upload of ${dist.filename} (HTTP ${res.status}: ${message})`, AUTH_HINT, res.status);
    throw new errors/* RegistryError */.gl(up.label, `refused ${dist.filename} (HTTP ${res.status}: ${message})`, res.status === 400
        ? "Fix what the index names in the distribution's metadata or file name, rebuild, and publish again."
        : undefined, res.status);
}
const publish = async (settings, ctx) => {
    const pep440 = ctx.version.pep440;
    if (!pep440)
        throw errors/* InputError */.dz.bad('version', ctx.version.version, 'has no PEP 440 form, so PyPI cannot take it', 'Use a prerelease PEP 440 knows: -alpha.N, -beta.N, -rc.N, -dev.N or -post.N.');
    const registry = (0,pypi.registryBase)(typeof settings.registry === 'string' ? settings.registry : undefined);
    const label = (0,pypi.registryLabel)(registry);
    const uploadUrl = typeof settings['repository-url'] === 'string' && settings['repository-url']
        ? settings['repository-url']
        : (0,pypi.defaultUploadUrl)(registry);
    const dists = loadDistributions(settings, ctx, pep440);
    const project = typeof settings.package === 'string' && settings.package ? settings.package : dists[0].name;
    const client = (0,pypi.createClient)(project, { http: ctx.http, registry, reporter: ctx.reporter });
    const url = client.url(pep440);
    const digest = dists.map((d) => `${d.sha256}  ${d.filename}`).join('\n');
    const remote = new Map((await client.files(pep440)).map((f) => [f.filename, f]));
    const present = dists.filter((d) => remote.has(d.filename));
    const missing = dists.filter((d) => !remote.has(d.filename));
    if (ctx.force && present.length)
        throw new errors/* RegistryError */.gl(label, `PyPI forbids re-uploading a file: ${present.map((d) => d.filename).join(', ')} ${present.length === 1 ? 'is' : 'are'} already published for ${project} ${pep440}`, 'Files on PyPI are immutable even with force: publish a new version (e.g. a .post release) instead.');
    const notes = present.map((d) => {
        const theirs = remote.get(d.filename).sha256;
        if (theirs && theirs !== d.sha256)
            ctx.reporter.warning(`${d.filename} on ${label} differs from the local file (sha256 ${theirs}); it is kept as it is`);
        return `${d.filename}: already on ${label}`;
    });
    if (!missing.length)
        return {
            status: 'skipped',
            url,
            digest,
            notes: [`${project} ${pep440}: every file is already published`, ...notes],
        };
    if (ctx.dryRun)
        return {
            status: 'dry-run',
            url,
            digest,
            notes: [...missing.map((d) => `${d.filename}: would be uploaded to ${uploadUrl}`), ...notes],
        };
    const token = ctx.token ?? (await trustedPublishingToken(registry, label, ctx.http, ctx.env));
    if (!token)
        throw errors/* InputError */.dz.missing('token', 'Set PYPI_TOKEN (or the `token` input) to a PyPI API token, or grant `permissions: id-token: write` for trusted publishing.');
    (0,secrets/* addSecret */.Ck)(token);
    const up = { client, uploadUrl, label, token, pep440, ctx };
    const uploaded = [];
    for (const dist of missing)
        uploaded.push((await uploadOne(up, dist)) ?? `${dist.filename}: uploaded`);
    return { status: 'published', url, digest, notes: [...uploaded, ...notes] };
};


/***/ }),

/***/ 353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DEFAULT_PYPI: () => (/* binding */ DEFAULT_PYPI),
/* harmony export */   PypiClient: () => (/* binding */ PypiClient),
/* harmony export */   canonicalPep440: () => (/* binding */ canonicalPep440),
/* harmony export */   createClient: () => (/* binding */ createClient),
/* harmony export */   defaultUploadUrl: () => (/* binding */ defaultUploadUrl),
/* harmony export */   identify: () => (/* binding */ identify),
/* harmony export */   normalPep440: () => (/* binding */ normalPep440),
/* harmony export */   normalizeProjectName: () => (/* binding */ normalizeProjectName),
/* harmony export */   registryBase: () => (/* binding */ registryBase),
/* harmony export */   registryLabel: () => (/* binding */ registryLabel)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var smol_toml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3292);
/* harmony import */ var _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8826);
/* harmony import */ var _deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6193);
/* harmony import */ var _deploy_actions_publishers_pypi_files__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1541);
/**
 * PyPI through its JSON API (`{registry}/pypi/<name>/json`, `/pypi/<name>/<version>/json`):
 * 404 means absent. Project names compare by their PEP 503 normal form, versions by their
 * canonical PEP 440 form, so `exists('1.2.3-rc.1')` finds `1.2.3rc1` and `1.2` finds `1.2.0`.
 */






const DEFAULT_PYPI = 'https://pypi.org/';
const PYPI_UPLOAD = 'https://upload.pypi.org/legacy/';
/** PEP 503: lower case, runs of `-`, `_`, `.` become one `-`. */
const normalizeProjectName = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
/** The registry base with exactly one trailing slash. */
const registryBase = (registry) => (registry || DEFAULT_PYPI).replace(/\/*$/, '/');
/** The upload endpoint: upload.pypi.org for pypi.org, else `<registry>/legacy/`. */
function defaultUploadUrl(registry) {
    const base = registryBase(registry);
    if (base === DEFAULT_PYPI)
        return PYPI_UPLOAD;
    if (base === 'https://test.pypi.org/')
        return 'https://test.pypi.org/legacy/';
    return `${base}legacy/`;
}
/** What errors call the registry: `PyPI` for pypi.org, else its address. */
const registryLabel = (registry) => registryBase(registry) === DEFAULT_PYPI ? 'PyPI' : `PyPI index ${registryBase(registry)}`;
/** A version (SemVer or PEP 440) in PEP 440's normal form: `1.2.3-rc.1` -> `1.2.3rc1`. */
function normalPep440(version) {
    const semver = (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .parseSemVer */ .IX)(version);
    const pep440 = semver ? (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .toPep440 */ .tj)(semver) : version;
    return pep440 === undefined ? undefined : (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .normalizePep440 */ .ZD)(pep440);
}
/**
 * A version in canonical PEP 440 form, for comparing, as packaging's canonicalize_version (no trailing `.0`
 * in the release). SemVer input is first turned into PEP 440 (`1.2.3-rc.1` -> `1.2.3rc1`).
 * Undefined when it is neither.
 */
function canonicalPep440(version) {
    return normalPep440(version)?.replace(/^((?:\d+!)?\d+(?:\.\d+)*?)(?:\.0+)+(?=$|[^\d.])/, '$1');
}
/** The version part of a wheel (`name-version-...whl`) or sdist (`name-version.tar.gz`) file name. */
function versionOfFilename(filename) {
    if (filename.endsWith('.whl'))
        return filename.split('-')[1];
    return /-([^-]+)\.(?:tar\.gz|zip)$/.exec(filename)?.[1];
}
class PypiClient {
    name;
    id;
    registry;
    http;
    project;
    constructor(name, options) {
        this.name = name;
        this.id = `pypi:${name}`;
        this.registry = registryBase(options.registry);
        this.http = options.http;
    }
    async getJson(path) {
        const url = `${this.registry}pypi/${encodeURIComponent(this.name)}/${path}`;
        const res = await this.http.request({ url, headers: { accept: 'application/json' } });
        if (res.status === 404)
            return undefined;
        if (res.status === 401 || res.status === 403)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(registryLabel(this.registry), `reading ${url} was refused (HTTP ${res.status})`, 'Check the registry URL; the JSON API needs no credentials.', res.status);
        if (!res.ok)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(registryLabel(this.registry), `reading ${url} failed with HTTP ${res.status}`, undefined, res.status);
        try {
            return res.json();
        }
        catch {
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(registryLabel(this.registry), `${url} did not answer JSON`, 'Is `registry` the index base URL (e.g. https://pypi.org/)?');
        }
    }
    /**
     * Every version with its files' yanked flags, fetched once per client (a client lives for one
     * check or publish). From the JSON API's `releases`; Warehouse calls that key deprecated, so
     * without it the simple index's PEP 700 `versions` (and files) are read instead.
     */
    releases() {
        this.project ??= (async () => {
            const project = await this.getJson('json');
            if (!project)
                return {};
            return project.releases ?? this.simpleReleases();
        })();
        return this.project;
    }
    async simpleReleases() {
        const url = `${this.registry}simple/${normalizeProjectName(this.name)}/`;
        const res = await this.http.request({ url, headers: { accept: 'application/vnd.pypi.simple.v1+json' } });
        if (res.status === 404)
            return {};
        if (!res.ok)
            throw new _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_3__/* .RegistryError */ .gl(registryLabel(this.registry), `reading ${url} failed with HTTP ${res.status}`, undefined, res.status);
        const index = res.json();
        const releases = {};
        for (const version of index.versions ?? [])
            releases[version] = [];
        const byCanonical = new Map(Object.keys(releases).map((v) => [canonicalPep440(v), v]));
        for (const file of index.files ?? []) {
            const version = byCanonical.get(canonicalPep440(versionOfFilename(file.filename) ?? ''));
            if (version)
                releases[version].push({ yanked: Boolean(file.yanked) });
        }
        return releases;
    }
    async versions() {
        return Object.keys(await this.releases());
    }
    async exists(version) {
        const wanted = canonicalPep440(version);
        if (!wanted)
            return false;
        return (await this.versions()).some((v) => canonicalPep440(v) === wanted);
    }
    /** The highest stable version per PEP 440 that is not wholly yanked. */
    async latest() {
        const live = Object.entries(await this.releases())
            .filter(([, files]) => files.length === 0 || files.some((f) => !f.yanked))
            .map(([version]) => version);
        return (0,_deploy_actions_version__WEBPACK_IMPORTED_MODULE_4__/* .highestStablePep440 */ .Z$)(live);
    }
    /** The files of one version, asked fresh each time (after a failed upload, say). */
    async files(version) {
        const release = await this.getJson(`${encodeURIComponent(normalPep440(version) ?? version)}/json`);
        return (release?.urls ?? []).map((f) => ({
            filename: f.filename,
            sha256: f.digests?.sha256 ?? '',
            yanked: Boolean(f.yanked),
        }));
    }
    url(version) {
        return `${this.registry}project/${normalizeProjectName(this.name)}/${normalPep440(version) ?? version}/`;
    }
}
function createClient(name, options) {
    return new PypiClient(name, options);
}
function pyprojectName(cwd) {
    const file = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(cwd, 'pyproject.toml');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return undefined;
    const toml = (0,smol_toml__WEBPACK_IMPORTED_MODULE_2__.parse)((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, 'utf8'));
    const name = toml.project?.name ?? toml.tool?.poetry?.name;
    return typeof name === 'string' && name ? name : undefined;
}
const asList = (value) => Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
/**
 * The project name: `package`, else pyproject.toml ([project].name, [tool.poetry].name), else
 * the project named by the file names of the distributions the `dist` globs find (no unpacking).
 */
function identify(settings, cwd) {
    const registry = typeof settings.registry === 'string' && settings.registry ? settings.registry : undefined;
    if (typeof settings.package === 'string' && settings.package)
        return { name: settings.package, registry };
    const fromPyproject = pyprojectName(cwd);
    if (fromPyproject)
        return { name: fromPyproject, registry };
    const patterns = asList(settings.dist);
    const files = (0,_deploy_actions_publishers_pypi_files__WEBPACK_IMPORTED_MODULE_5__/* .expandGlobs */ .GE)(cwd, patterns.length ? patterns : ['dist/*']).filter((f) => !(0,_deploy_actions_publishers_pypi_files__WEBPACK_IMPORTED_MODULE_5__/* .isCompanionFile */ .jq)(f));
    const name = files.map(_deploy_actions_publishers_pypi_files__WEBPACK_IMPORTED_MODULE_5__/* .projectFromFilename */ .vO).find(Boolean);
    if (name)
        return { name, registry };
    throw _deploy_actions_action_kit_errors__WEBPACK_IMPORTED_MODULE_3__/* .InputError */ .dz.missing('package', 'Set `package` to the PyPI project name, or add a pyproject.toml, or build the distributions first.');
}


/***/ })

};
