/**
 * `strategy.matrix` expanded as GitHub does: the product of the vectors, minus `exclude` (an
 * entry removes every combination it matches, partially), then `include` (an entry is merged into
 * every combination whose original values it does not change, else it becomes a combination of
 * its own). An empty result fails the job, as on GitHub: a vector with no values ("Matrix vector
 * 'x' does not contain any values") or no vector at all with an empty `include` (which is what
 * `fromJSON('{"include":[]}')` gives: "Matrix must define at least one vector").
 */
import { isDeepStrictEqual } from 'node:util';

export type Combination = Record<string, unknown>;

export class MatrixError extends Error {}

const matches = (combination: Combination, partial: Combination) =>
  Object.entries(partial).every(([k, v]) => k in combination && isDeepStrictEqual(combination[k], v));

export function expandMatrix(matrix: unknown): Combination[] {
  if (matrix === null || typeof matrix !== 'object' || Array.isArray(matrix))
    throw new MatrixError(`Unexpected value for the matrix: ${JSON.stringify(matrix)}`);
  const { include = [], exclude = [], ...vectors } = matrix as Record<string, unknown>;
  if (!Array.isArray(include) || !Array.isArray(exclude))
    throw new MatrixError('Matrix include and exclude must be sequences');
  for (const [key, values] of Object.entries(vectors)) {
    if (!Array.isArray(values)) throw new MatrixError(`Matrix vector '${key}' is not a sequence`);
    if (values.length === 0) throw new MatrixError(`Matrix vector '${key}' does not contain any values`);
  }
  if (Object.keys(vectors).length === 0 && include.length === 0)
    throw new MatrixError('Matrix must define at least one vector');

  let product: { values: Combination; original: Set<string> }[] = [];
  if (Object.keys(vectors).length > 0) {
    let combos: Combination[] = [{}];
    for (const [key, values] of Object.entries(vectors) as [string, unknown[]][])
      combos = combos.flatMap((c) => values.map((v) => ({ ...c, [key]: v })));
    combos = combos.filter((c) => !(exclude as Combination[]).some((ex) => matches(c, ex)));
    product = combos.map((values) => ({ values, original: new Set(Object.keys(vectors)) }));
  }
  for (const entry of include as Combination[]) {
    let merged = false;
    for (const combo of product) {
      const compatible = Object.entries(entry).every(
        ([k, v]) => !combo.original.has(k) || isDeepStrictEqual(combo.values[k], v),
      );
      if (compatible) {
        Object.assign(combo.values, entry);
        merged = true;
      }
    }
    if (!merged) product.push({ values: { ...entry }, original: new Set(Object.keys(entry)) });
  }
  if (product.length === 0) throw new MatrixError('Matrix produced no job: every combination was excluded');
  return product.map((p) => p.values);
}
