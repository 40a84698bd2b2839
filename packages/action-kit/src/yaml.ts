/**
 * Every YAML file the suite reads (config files, flatpak-builder manifests) goes through the
 * `yaml` library. Its nodes' ranges, through a LineCounter, give each value its line, so a
 * reader can say "deploy.yml:12: targets[0].tier ..." instead of only naming a key.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';

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
/** An alias, or a key the library could not place. */
export interface YamlOther {
  kind: 'other';
  line: number | undefined;
}
export type YamlNode = YamlScalar | YamlMap | YamlSeq | YamlOther;
/** 'core' is YAML 1.2's; 'failsafe' keeps every scalar a string, as written. */
export type YamlSchema = 'core' | 'failsafe';

/**
 * The deepest nesting of collections accepted. Config files and manifests nest a handful of
 * levels; a document nested thousands deep would overflow the stack of any recursive walk
 * (ours or `toJS`), so it is refused with this message instead.
 */
export const MAX_YAML_DEPTH = 64;
const TOO_DEEP = `nests deeper than ${MAX_YAML_DEPTH} levels`;

export interface ParsedYaml {
  /** The document's root, null when it is empty or has an error. */
  root: YamlNode | null;
  /** The first error, with its line. */
  error?: { line: number; message: string; tooDeep?: boolean };
  /** Resolve the document (aliases expanded, at most `maxAliasCount` of them). */
  toJS(maxAliasCount?: number): unknown;
}

/** How deep the document's collections nest, counted without recursion; stops past `limit`. */
function nesting(root: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const item of node.items as unknown[])
      if (isPair(item)) stack.push([item.key, depth + 1], [item.value, depth + 1]);
      else stack.push([item, depth + 1]);
  }
  return deepest;
}

export function parseYaml(text: string, schema: YamlSchema = 'core'): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, schema });
  const lineAt = (offset: number) => lines.linePos(offset).line;
  const failed = (line: number, message: string, tooDeep?: boolean): ParsedYaml => ({
    root: null,
    error: { line, message, tooDeep },
    toJS: () => undefined,
  });
  // The library catches its own stack overflow on a very deeply nested document.
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) return failed(lineAt(exhausted.pos[0]), TOO_DEEP, true);
  const first = doc.errors[0];
  if (first) return failed(lineAt(first.pos[0]), first.message.split('\n')[0]);
  if (nesting(doc.contents, MAX_YAML_DEPTH) > MAX_YAML_DEPTH) return failed(1, TOO_DEEP, true);

  // Recursive, but only over a document already known to nest at most MAX_YAML_DEPTH deep.
  const convert = (node: unknown): YamlNode | null => {
    if (node === null || node === undefined) return null;
    const range = (node as { range?: [number, number, number] }).range;
    const line = range ? lineAt(range[0]) : undefined;
    if (isScalar(node))
      return { kind: 'scalar', value: node.value as string | number | boolean | null, line: line! };
    if (isMap(node))
      return {
        kind: 'map',
        line: line!,
        items: node.items.map((pair) => ({
          key: convert(pair.key) ?? { kind: 'other', line: undefined },
          value: convert(pair.value),
        })),
      };
    if (isSeq(node)) return { kind: 'seq', line: line!, items: node.items.map(convert) };
    return { kind: 'other', line };
  };
  return { root: convert(doc.contents), toJS: (maxAliasCount) => doc.toJS({ maxAliasCount }) };
}
