/**
 * The full `yaml` library's reading of a document, in yaml-lite's node shapes, for what
 * yaml-lite leaves to it. Imported lazily: the library is ~110 kB that most runs never need.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { YamlNode, YamlSchema } from './yaml-lite.js';

export interface FullYaml {
  root: YamlNode | null;
  /** The first error, with its line. */
  error?: { line: number; message: string };
  /** Resolve the document (aliases expanded, at most `maxAliasCount` of them). */
  toJS(maxAliasCount?: number): unknown;
}

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
  const first = doc.errors[0];
  return {
    root: first ? null : convert(doc.contents),
    error: first && { line: lines.linePos(first.pos[0]).line, message: first.message.split('\n')[0] },
    toJS: (maxAliasCount) => doc.toJS({ maxAliasCount }),
  };
}
