/**
 * A reader for the plain part of YAML that config files and flatpak-builder manifests are
 * written in: block mappings and sequences, flow `[...]` and `{...}` (also over several lines),
 * plain and quoted single-line scalars, comments. Loading the full `yaml` library and parsing
 * with it cold costs a small action ~50 ms; this costs ~1 ms.
 *
 * It gives the same values and lines as the `yaml` library (1.2 core schema, or failsafe) or
 * none at all: anything else (anchors, aliases, tags, block scalars, multi-line plain or quoted
 * scalars, `?` keys, directives, document markers, tabs, duplicate keys, any syntax error)
 * returns `undefined`, and the caller asks the full parser, which also reports the errors.
 * test/unit/yaml-lite.test.ts holds the two to that on every YAML file of the repository.
 */

export interface YamlScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  line: number;
}
export interface YamlPair {
  key: YamlNode;
  value: YamlNode | null;
}
export interface YamlMap {
  kind: 'map';
  items: YamlPair[];
  line: number;
}
export interface YamlSeq {
  kind: 'seq';
  items: (YamlNode | null)[];
  line: number;
}
/** An alias or other node only the full parser produces. */
export interface YamlOther {
  kind: 'other';
  line: number | undefined;
}
export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlOther;
export type YamlSchema = 'core' | 'failsafe';

/**
 * The deepest nesting of collections either reader accepts. Config files and manifests nest a
 * handful of levels; a document nested thousands deep would overflow the stack of a recursive
 * reader, so it is refused (yaml-full says so) instead.
 */
export const MAX_YAML_DEPTH = 64;

/** Thrown inside the reader for anything it leaves to the full parser. */
const OUTSIDE = Symbol('outside the subset');

function outside(): never {
  throw OUTSIDE;
}

// Characters that cannot start a plain scalar (YAML 1.2, c-indicator), '-' handled apart.
const INDICATORS = new Set([...'?:,[]{}#&*!|>\'"%@`']);
const FLOW_END = new Set([...',[]{}']);

/** The core schema's resolution of a plain scalar, as the `yaml` library does it. */
function resolvePlain(text: string): string | number | boolean | null {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(text)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(text)) return false;
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text))
    return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text)) return parseFloat(text);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)) return parseFloat(text);
  return text;
}

const ESCAPES: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
};

class SubsetReader {
  private pos = 0;
  private depth = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly src: string,
    private readonly schema: YamlSchema,
  ) {}

  document(): YamlNode | null {
    const col = this.nextContent();
    if (col < 0) return null;
    if (col === 0 && /^(?:---|\.\.\.|%)/.test(this.src.slice(this.pos, this.pos + 3))) outside();
    const node = this.blockNode(col, -1);
    if (this.nextContent() >= 0) outside();
    return node;
  }

  private get col(): number {
    return this.pos - this.lineStart;
  }

  private newline(at: number): void {
    this.pos = at + 1;
    this.line++;
    this.lineStart = this.pos;
  }

  /** Whether `at` ends a line: '\n', '\r\n' or the end of the text. */
  private eol(at: number): boolean {
    const c = this.src[at];
    if (c === '\r') return this.src[at + 1] === '\n' || outside();
    return c === '\n' || c === undefined;
  }

  /**
   * Skip blank and comment lines, then the next line's indentation. The column of its first
   * character, or -1 at the end of the text. Staying put when already on content.
   */
  private nextContent(): number {
    const src = this.src;
    for (;;) {
      let p = this.pos;
      while (src[p] === ' ') p++;
      const c = src[p];
      if (c === undefined) {
        this.pos = p;
        return -1;
      }
      if (c === '\t') outside();
      if (c === '#' && (p === this.lineStart || src[p - 1] === ' ')) {
        while (!this.eol(p)) p++;
      }
      if (this.eol(p)) {
        if (src[p] === undefined) {
          this.pos = p;
          return -1;
        }
        this.newline(src[p] === '\r' ? p + 1 : p);
        continue;
      }
      this.pos = p;
      return this.col;
    }
  }

  /** The rest of a line after a value: spaces and a comment at most. */
  private endOfLine(): void {
    const src = this.src;
    let p = this.pos;
    while (src[p] === ' ') p++;
    if (src[p] === '#') {
      if (p === this.pos) outside();
      while (!this.eol(p)) p++;
    }
    if (!this.eol(p)) outside();
    if (src[p] === undefined) this.pos = p;
    else this.newline(src[p] === '\r' ? p + 1 : p);
  }

  private atEndOfLine(): boolean {
    const c = this.src[this.pos];
    return this.eol(this.pos) || (c === '#' && this.src[this.pos - 1] === ' ');
  }

  private isSeqEntry(): boolean {
    return this.src[this.pos] === '-' && (this.src[this.pos + 1] === ' ' || this.eol(this.pos + 1));
  }

  private empty(line: number): YamlScalar {
    return { kind: 'scalar', value: this.schema === 'core' ? null : '', line };
  }

  private plain(text: string, line: number): YamlScalar {
    return { kind: 'scalar', value: this.schema === 'core' ? resolvePlain(text) : text, line };
  }

  /** A node starting at the current content, at column `col`, inside a block at `parent`. */
  private blockNode(col: number, parent: number): YamlNode {
    // Too deep for the subset: the full parser refuses it with a clear error.
    if (++this.depth > MAX_YAML_DEPTH) outside();
    try {
      if (this.isSeqEntry()) return this.blockSeq(col);
      if (this.keyAhead()) return this.blockMap(col);
      const node = this.inlineValue(parent);
      this.endOfLine();
      this.nextContent();
      return node;
    } finally {
      this.depth--;
    }
  }

  private blockSeq(indent: number): YamlSeq {
    const seq: YamlSeq = { kind: 'seq', items: [], line: this.line };
    for (;;) {
      const line = this.line;
      this.pos++;
      while (this.src[this.pos] === ' ') this.pos++;
      if (this.src[this.pos] === '\t') outside();
      if (this.atEndOfLine()) {
        this.endOfLine();
        const col = this.nextContent();
        seq.items.push(col > indent ? this.blockNode(col, indent) : this.empty(line));
      } else seq.items.push(this.blockNode(this.col, indent));
      const col = this.nextContent();
      if (col > indent) outside();
      if (col < indent || !this.isSeqEntry()) return seq;
    }
  }

  private blockMap(indent: number): YamlMap {
    const map: YamlMap = { kind: 'map', items: [], line: this.line };
    for (;;) {
      const key = this.key();
      if (map.items.some((p) => (p.key as YamlScalar).value === key.value)) outside();
      let value: YamlNode;
      if (this.atEndOfLine()) {
        this.endOfLine();
        const col = this.nextContent();
        if (col > indent) value = this.blockNode(col, indent);
        else if (col === indent && this.isSeqEntry()) value = this.blockSeq(indent);
        else value = this.empty(key.line);
      } else {
        value = this.inlineValue(indent);
        this.endOfLine();
      }
      map.items.push({ key, value });
      const col = this.nextContent();
      if (col > indent) outside();
      if (col < indent) return map;
      if (this.isSeqEntry()) outside();
    }
  }

  /** Whether a `key:` starts at the current position (on this line). */
  private keyAhead(): boolean {
    const start = this.pos;
    const line = this.line;
    try {
      this.key();
      return true;
    } catch (caught) {
      if (caught !== OUTSIDE) throw caught;
      return false;
    } finally {
      this.pos = start;
      this.line = line;
    }
  }

  /** A block mapping's key and its ':' (and the spaces after it). */
  private key(): YamlScalar {
    const src = this.src;
    const line = this.line;
    let key: YamlScalar;
    if (src[this.pos] === '"' || src[this.pos] === "'") {
      key = this.quoted();
      while (src[this.pos] === ' ') this.pos++;
      if (src[this.pos] !== ':') outside();
    } else {
      const start = this.pos;
      this.plainStart();
      let p = start;
      for (;;) {
        if (this.eol(p) || ((src[p] === ' ' || src[p] === '\t') && src[p + 1] === '#')) outside();
        if (src[p] === ':' && (src[p + 1] === ' ' || this.eol(p + 1))) break;
        if (src[p] === '\t') outside();
        p++;
      }
      if (p - start > 1000) outside();
      this.pos = p;
      key = this.plain(src.slice(start, p).trimEnd(), line);
    }
    this.pos++;
    if (src[this.pos] === ' ') while (src[this.pos] === ' ') this.pos++;
    else if (!this.eol(this.pos)) outside();
    if (src[this.pos] === '\t') outside();
    return key;
  }

  /** Refuse what cannot start a plain scalar. */
  private plainStart(flow = false): void {
    const c = this.src[this.pos];
    const next = this.src[this.pos + 1];
    if (c === '-') {
      if (next === ' ' || this.eol(this.pos + 1) || (flow && FLOW_END.has(next))) outside();
    } else if (INDICATORS.has(c) || c === '\t' || c === ' ') outside();
  }

  /** A value on the rest of this line (a flow collection may go on over the next lines). */
  private inlineValue(parent: number): YamlNode {
    const src = this.src;
    const c = src[this.pos];
    if (c === '[' || c === '{') return this.flow(parent);
    if (c === '"' || c === "'") return this.quoted();
    const line = this.line;
    const start = this.pos;
    this.plainStart();
    let p = start;
    while (!this.eol(p)) {
      const ch = src[p];
      if (ch === '\t') outside();
      if (ch === ' ' && src[p + 1] === '#') break;
      if (ch === ':' && (src[p + 1] === ' ' || this.eol(p + 1))) outside();
      p++;
    }
    this.pos = p;
    return this.plain(src.slice(start, p).trimEnd(), line);
  }

  private quoted(): YamlScalar {
    const src = this.src;
    const quote = src[this.pos];
    const line = this.line;
    let p = this.pos + 1;
    let text = '';
    for (;;) {
      const c = src[p];
      if (c === undefined || c === '\n' || c === '\r') outside();
      if (c === quote) {
        if (quote === "'" && src[p + 1] === "'") {
          text += "'";
          p += 2;
          continue;
        }
        break;
      }
      if (c === '\\' && quote === '"') {
        const escaped = ESCAPES[src[p + 1]];
        if (escaped === undefined) outside();
        text += escaped;
        p += 2;
        continue;
      }
      text += c;
      p++;
    }
    this.pos = p + 1;
    return { kind: 'scalar', value: text, line };
  }

  /** Spaces, line breaks and comments inside a flow collection. */
  private flowSpace(parent: number): void {
    const src = this.src;
    for (;;) {
      const c = src[this.pos];
      if (c === ' ') this.pos++;
      else if (c === '\t') outside();
      else if (c === '#') {
        if (this.pos !== this.lineStart && src[this.pos - 1] !== ' ') outside();
        while (!this.eol(this.pos)) this.pos++;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r') this.eol(this.pos);
        this.newline(c === '\r' ? this.pos + 1 : this.pos);
        let p = this.pos;
        while (src[p] === ' ') p++;
        // Lines inside a flow collection are indented deeper than the block around it.
        if (!this.eol(p) && src[p] !== '#' && p - this.lineStart <= parent) outside();
      } else if (c === undefined) outside();
      else return;
    }
  }

  private flow(parent: number): YamlMap | YamlSeq {
    if (++this.depth > MAX_YAML_DEPTH) outside();
    try {
      return this.flowCollection(parent);
    } finally {
      this.depth--;
    }
  }

  private flowCollection(parent: number): YamlMap | YamlSeq {
    const src = this.src;
    const isMap = src[this.pos] === '{';
    const close = isMap ? '}' : ']';
    const node: YamlMap | YamlSeq = isMap
      ? { kind: 'map', items: [], line: this.line }
      : { kind: 'seq', items: [], line: this.line };
    this.pos++;
    for (;;) {
      this.flowSpace(parent);
      if (src[this.pos] === close) break;
      if (node.kind === 'map') {
        const key = this.flowItem(parent, true);
        if (key.kind !== 'scalar' || node.items.some((p) => (p.key as YamlScalar).value === key.value))
          outside();
        this.flowSpace(parent);
        // An implicit key and its ':' are on one line.
        if (src[this.pos] !== ':' || this.line !== key.line) outside();
        this.pos++;
        if (src[this.pos] !== ' ' && src[this.pos] !== '\n' && src[this.pos] !== '\r') outside();
        this.flowSpace(parent);
        if (src[this.pos] === ',' || src[this.pos] === '}') outside();
        node.items.push({ key, value: this.flowItem(parent, false) });
      } else {
        node.items.push(this.flowItem(parent, false));
        this.flowSpace(parent);
        if (src[this.pos] === ':') outside();
      }
      this.flowSpace(parent);
      if (src[this.pos] === ',') this.pos++;
      else if (src[this.pos] !== close) outside();
    }
    this.pos++;
    return node;
  }

  private flowItem(parent: number, key: boolean): YamlNode {
    const src = this.src;
    const c = src[this.pos];
    if (c === '[' || c === '{') return key ? outside() : this.flow(parent);
    if (c === '"' || c === "'") return this.quoted();
    const line = this.line;
    const start = this.pos;
    this.plainStart(true);
    let p = start;
    for (;;) {
      const ch = src[p];
      if (ch === '\t') outside();
      if (this.eol(p) || FLOW_END.has(ch) || (ch === ' ' && src[p + 1] === '#')) break;
      if (ch === ':') {
        const next = src[p + 1];
        if (next === ' ' || FLOW_END.has(next) || this.eol(p + 1)) break;
      }
      p++;
    }
    this.pos = p;
    if (this.eol(p)) {
      // A plain scalar that reaches the line's end must end there, not go on below.
      const save = { pos: this.pos, line: this.line, lineStart: this.lineStart };
      this.flowSpace(parent);
      const next = src[this.pos];
      if (next !== ',' && next !== ']' && next !== '}' && next !== ':') outside();
      Object.assign(this, save);
    }
    return this.plain(src.slice(start, p).trimEnd(), line);
  }
}

/**
 * Parse `text` if it is in the subset: the root node (null for an empty document), or
 * `undefined` when the full parser must read it.
 */
export function parseYamlSubset(text: string, schema: YamlSchema = 'core'): YamlNode | null | undefined {
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    return new SubsetReader(text, schema).document();
  } catch (caught) {
    if (caught === OUTSIDE) return undefined;
    throw caught;
  }
}

/** The plain JavaScript value of a node. */
export function yamlToJS(node: YamlNode | null): unknown {
  if (!node) return null;
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(yamlToJS);
    case 'map':
      return Object.fromEntries(node.items.map((p) => [String(yamlToJS(p.key)), yamlToJS(p.value)]));
    default:
      return undefined;
  }
}
