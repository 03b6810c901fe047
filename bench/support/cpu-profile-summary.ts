// Summarises a .cpuprofile: self and total time per function (and per file), the top N of each.
// Usage: node --import tsx bench/support/cpu-profile-summary.ts <file.cpuprofile> [top=40] [filter]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function labelOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^file:\/\//, '').replace(/^.*\/(packages|node_modules)\//, '$1/');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

function summarise(profile: Profile, top: number, filter: string | undefined): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const selfByLabel = new Map<string, number>();
  const totalByLabel = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    selfByLabel.set(labelOf(node), (selfByLabel.get(labelOf(node)) ?? 0) + us);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const label = labelOf(byId.get(at)!);
      if (seen.has(label)) continue;
      seen.add(label);
      totalByLabel.set(label, (totalByLabel.get(label) ?? 0) + us);
    }
  }
  const print = (title: string, map: Map<string, number>): void => {
    console.log(`\n${title} (of ${(total / 1000).toFixed(0)} ms sampled)`);
    const rows = [...map].filter(([label]) => !filter || label.includes(filter)).sort((a, b) => b[1] - a[1]).slice(0, top);
    for (const [label, us] of rows) console.log(`${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${label}`);
  };
  print('self time', selfByLabel);
  print('total time', totalByLabel);
}

const [file, topText, filter] = process.argv.slice(2);
if (!file) {
  console.error('usage: cpu-profile-summary.ts <file.cpuprofile> [top] [filter]');
  process.exit(2);
}
summarise(JSON.parse(readFileSync(file, 'utf8')) as Profile, Number(topText ?? 40), filter);
