/**
 * Publishing a workspace in dependency waves, shared by npm and cargo: a package starts as soon
 * as its own workspace dependencies are published and visible (not when a whole "wave" ends),
 * at most `concurrency` at a time; a failure stops only the packages that need the failed one.
 * The cost of a release grows with the depth of the graph, not with the number of packages.
 */
import { cpus } from 'node:os';
import { InputError } from '@deploy-actions/action-kit/errors';

export interface WaveNode {
  name: string;
  /** Names of the other nodes it needs published first (names outside the set are ignored). */
  dependsOn: string[];
}

export type WaveStatus = 'done' | 'failed' | 'blocked';

export interface WaveOutcome<T extends WaveNode, R> {
  node: T;
  status: WaveStatus;
  result?: R;
  error?: unknown;
  /** For `blocked`: the failed packages it needs, directly or through others. */
  blockedBy?: string[];
  /** Its wave: 1 for a package with no workspace dependency, else 1 + its deepest dependency's. */
  wave: number;
}

/** The most packages published at once when the setting is absent: 2 per core, 4 to 16. */
export function defaultConcurrency(): number {
  return Math.max(4, Math.min(16, cpus().length * 2));
}

/** The `concurrency` setting: a whole number of at least 1, or the default when unset. */
export function concurrencySetting(settings: Record<string, unknown>): number {
  const raw = settings.concurrency;
  if (raw === undefined || raw === null || raw === '') return defaultConcurrency();
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw InputError.bad(
      'concurrency',
      String(raw),
      'is not a whole number of at least 1',
      'Set how many packages may be published at once, e.g. concurrency: 4 (1 publishes one after another).',
    );
  return value;
}

/** A dependency cycle among `nodes` (e.g. ['a', 'b', 'a']), or undefined when there is none. */
export function findCycle(nodes: WaveNode[]): string[] | undefined {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (node: WaveNode): string[] | undefined => {
    const seen = state.get(node.name);
    if (seen === 'done') return undefined;
    if (seen === 'visiting') return [...stack.slice(stack.indexOf(node.name)), node.name];
    state.set(node.name, 'visiting');
    stack.push(node.name);
    for (const dep of node.dependsOn) {
      const next = byName.get(dep);
      const cycle = next && next !== node ? visit(next) : undefined;
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node.name, 'done');
    return undefined;
  };
  for (const node of nodes) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

/** Each node's wave (1-based). Assumes no cycle. */
export function wavesOf(nodes: WaveNode[]): Map<string, number> {
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const wave = new Map<string, number>();
  const depth = (node: WaveNode): number => {
    const known = wave.get(node.name);
    if (known !== undefined) return known;
    let deepest = 0;
    for (const dep of node.dependsOn) {
      const next = byName.get(dep);
      if (next && next !== node) deepest = Math.max(deepest, depth(next));
    }
    wave.set(node.name, deepest + 1);
    return deepest + 1;
  };
  for (const node of nodes) depth(node);
  return wave;
}

/** Dependencies first, by wave, ties in the given order (the order of a sequential publish). */
export function waveOrder<T extends WaveNode>(nodes: T[]): T[] {
  const wave = wavesOf(nodes);
  return nodes
    .map((node, i) => ({ node, i }))
    .sort((a, b) => wave.get(a.node.name)! - wave.get(b.node.name)! || a.i - b.i)
    .map(({ node }) => node);
}

/** How many packages still wait on each node, through any chain: the busiest go first. */
function weights(nodes: WaveNode[]): Map<string, number> {
  const dependents = new Map<string, string[]>(nodes.map((n) => [n.name, []]));
  for (const node of nodes)
    for (const dep of node.dependsOn) if (dep !== node.name) dependents.get(dep)?.push(node.name);
  const height = new Map<string, number>();
  const measure = (name: string): number => {
    const known = height.get(name);
    if (known !== undefined) return known;
    const below = Math.max(0, ...(dependents.get(name) ?? []).map((d) => measure(d) + 1));
    height.set(name, below);
    return below;
  };
  for (const node of nodes) measure(node.name);
  return height;
}

export interface WaveOptions<T extends WaveNode, R> {
  concurrency: number;
  /** Publish one node; resolve once it is published and visible to its dependents. */
  run(node: T): Promise<R>;
  /** Called when a node cannot start because a dependency failed. */
  onBlocked?(node: T, blockedBy: string[]): void;
}

/**
 * Run every node once its dependencies are done, at most `concurrency` at a time; the longest
 * remaining chain starts first. Rejects only for a cycle (callers refuse one first); otherwise every node has an outcome.
 */
export async function runWaves<T extends WaveNode, R>(
  nodes: T[],
  options: WaveOptions<T, R>,
): Promise<WaveOutcome<T, R>[]> {
  const cycle = findCycle(nodes);
  if (cycle) throw new Error(`the packages depend on each other in a cycle: ${cycle.join(' -> ')}`);
  const names = new Set(nodes.map((n) => n.name));
  const wave = wavesOf(nodes);
  const height = weights(nodes);
  const deps = new Map(nodes.map((n) => [n.name, n.dependsOn.filter((d) => names.has(d) && d !== n.name)]));
  const outcomes = new Map<string, WaveOutcome<T, R>>();
  const pending = new Set(nodes);
  let running = 0;
  const limit = Math.max(1, options.concurrency);

  return new Promise((resolveAll) => {
    const rootFailures = (name: string): string[] => {
      const outcome = outcomes.get(name)!;
      return outcome.status === 'failed' ? [name] : (outcome.blockedBy ?? []);
    };
    const pump = () => {
      // Block what can no longer start, until nothing changes (a block can block others).
      for (let changed = true; changed;) {
        changed = false;
        for (const node of pending) {
          const bad = deps.get(node.name)!.filter((d) => {
            const status = outcomes.get(d)?.status;
            return status === 'failed' || status === 'blocked';
          });
          if (!bad.length) continue;
          const blockedBy = [...new Set(bad.flatMap(rootFailures))].sort();
          pending.delete(node);
          outcomes.set(node.name, { node, status: 'blocked', blockedBy, wave: wave.get(node.name)! });
          options.onBlocked?.(node, blockedBy);
          changed = true;
        }
      }
      const ready = [...pending]
        .filter((n) => deps.get(n.name)!.every((d) => outcomes.get(d)?.status === 'done'))
        .sort((a, b) => height.get(b.name)! - height.get(a.name)!);
      for (const node of ready) {
        if (running >= limit) break;
        pending.delete(node);
        running++;
        const settle = (outcome: Omit<WaveOutcome<T, R>, 'node' | 'wave'>) => {
          outcomes.set(node.name, { node, wave: wave.get(node.name)!, ...outcome });
          running--;
          pump();
        };
        // Start on a later tick so a synchronous throw is an outcome like any other.
        void Promise.resolve()
          .then(() => options.run(node))
          .then(
            (result) => settle({ status: 'done', result }),
            (error: unknown) => settle({ status: 'failed', error }),
          );
      }
      if (!running && !pending.size) resolveAll(nodes.map((n) => outcomes.get(n.name)!));
    };
    pump();
  });
}

/**
 * Some packages of a workspace were not published: the failures, the packages they held back,
 * and what was published (the notes). The run fails; a rerun publishes exactly the rest.
 */
export class WorkspacePublishError extends Error {
  constructor(
    message: string,
    readonly notes: string[],
  ) {
    super(message);
    this.name = 'WorkspacePublishError';
  }
}

/**
 * The report of a run with failures: one line per failed package and per package not attempted
 * because of one, and a message naming them all.
 */
export function failureReport<T extends WaveNode, R>(
  outcomes: WaveOutcome<T, R>[],
  describe: (error: unknown) => string,
  noun = 'packages',
): { message: string; notes: string[] } | undefined {
  const failed = outcomes.filter((o) => o.status === 'failed');
  if (!failed.length) return undefined;
  const blocked = outcomes.filter((o) => o.status === 'blocked');
  const done = outcomes.filter((o) => o.status === 'done');
  const notes = [
    ...failed.map((o) => `${o.node.name}: failed (wave ${o.wave}): ${describe(o.error)}`),
    ...blocked.map(
      (o) => `${o.node.name}: not attempted because of ${o.blockedBy!.join(', ')} (wave ${o.wave})`,
    ),
  ];
  const parts = [
    `${failed.length} of ${outcomes.length} ${noun} failed (${failed.map((o) => o.node.name).join(', ')})`,
  ];
  if (blocked.length)
    parts.push(
      `${blocked.length} not attempted because they need them (${blocked.map((o) => o.node.name).join(', ')})`,
    );
  parts.push(`${done.length} done`);
  const message = `${parts.join('; ')}. ${failed.map((o) => `${o.node.name}: ${describe(o.error)}`).join(' | ')} -- fix the cause and rerun: what is published is skipped, exactly the rest is published.`;
  return { message, notes };
}
