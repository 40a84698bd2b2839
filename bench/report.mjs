#!/usr/bin/env node
// Writes docs/BENCHMARKS.md from bench/results/*.json (each written by a *.bench.ts run).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'bench', 'results');
const results = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));

const ms = (v) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`);
let md = `# Benchmarks

Every figure below comes from \`npm run bench\` on the machine named in each section, with the
baseline measured in the same run. Timing goals live here, not in tests. Rerun one with the
command given; \`npm run bench\` reruns them all and rewrites this page.

The machine is a shared 2-core VM: the same benchmark moves by 10-30% from one run to the next
(both sides of a comparison move, but not always alike), so a ratio within a few percent of its
goal can land on either side of it on a rerun. The figures are those of one whole run, as
committed; none is picked from several.

| benchmark | judged by | value | goal | met |
| --- | --- | --- | --- | --- |
`;
for (const r of results)
  md += `| [${r.title}](#${r.name}) | ${r.ratio.label} | ${r.ratio.value.toFixed(2)} | ${r.ratio.goal} | ${r.ratio.met ? 'yes' : '**no**'} |\n`;
for (const r of results) {
  md += `\n<a id="${r.name}"></a>\n## ${r.title}\n\n${r.method}\n\n- command: \`${r.command}\`\n- machine: ${r.machine}\n\n| measured | median |\n| --- | --- |\n`;
  for (const [label, value] of Object.entries(r.figures))
    md += `| ${label} | ${typeof value === 'number' && !label.includes('requests') ? ms(value) : value} |\n`;
  md += `\n**${r.ratio.label}: ${r.ratio.value.toFixed(2)}** (goal ${r.ratio.goal}: ${r.ratio.met ? 'met' : 'not met'}).\n`;
}
mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'BENCHMARKS.md'), md);
console.log(`wrote docs/BENCHMARKS.md (${results.length} benchmarks)`);
