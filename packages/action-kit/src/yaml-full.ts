/**
 * The full `yaml` library's reading of a document, in yaml-lite's node shapes, for what
 * yaml-lite leaves to it. Imported lazily: the library is ~110 kB that most runs never need.
 */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument } from 'yaml';
import { MAX_YAML_DEPTH, type YamlNode, type YamlSchema } from './yaml-lite.js';

export interface FullYaml {
  root: YamlNode | null;
  /** The first error, with its line. */
  error?: { line: number; message: string };
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

const TOO_DEEP = `nests deeper than ${MAX_YAML_DEPTH} levels`;

export function parseYamlFull(text: string, schema: YamlSchema = 'core'): FullYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, schema });
  const lineOf = (node: unknown): number | undefined => {
    const range = (node as { range?: [number] } | null)?.range;
    return range ? lines.linePos(range[0]).line : undefined;
  };
  const convert = (node: unknown): YamlNode | null => {
    if (node === null || node === undefined) return null;
    const line = lineOf(node);
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
  // The library catches its own stack overflow on a deeply nested document (RESOURCE_EXHAUSTION).
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted)
    return {
      root: null,
      error: { line: lines.linePos(exhausted.pos[0]).line, message: TOO_DEEP },
      toJS: () => undefined,
    };
  if (!doc.errors.length && nesting(doc.contents, MAX_YAML_DEPTH) > MAX_YAML_DEPTH)
    return { root: null, error: { line: 1, message: TOO_DEEP }, toJS: () => undefined };
  const first = doc.errors[0];
  return {
    root: first ? null : convert(doc.contents),
    error: first && { line: lines.linePos(first.pos[0]).line, message: first.message.split('\n')[0] },
    toJS: (maxAliasCount) => doc.toJS({ maxAliasCount }),
  };
}
