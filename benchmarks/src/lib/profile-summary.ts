// Summarises a V8 CPU profile (.cpuprofile, from --profile): self time by package or
// source folder, and the hottest functions. `node -r ./scripts/register.cjs
// benchmarks/src/lib/profile-summary.ts <file.cpuprofile>`
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function bucket(url: string): string {
  if (!url) return '(native / idle / gc)';
  const modules = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1];
  const repo = /\/work\/[^/]+\/(apps\/[^/]+\/src\/[^/]+|libs\/[^/]+|workflows|benchmarks)/.exec(url);
  if (repo) return repo[1];
  return url.startsWith('node:') ? 'node:' + url.slice(5).split('/')[0] : url.slice(-60);
}

export function summarise(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byBucket = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, micros] of self) {
    const node = byId.get(id);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    byBucket.set(bucket(url), (byBucket.get(bucket(url)) ?? 0) + micros);
    const key = `${functionName || '(anonymous)'} ${bucket(url)}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  const pct = (micros: number) => `${((100 * micros) / total).toFixed(1).padStart(5)}%`;
  const lines = [`total ${(total / 1e6).toFixed(1)} s of samples`, '', 'self time by package / folder:'];
  for (const [name, micros] of [...byBucket].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${pct(micros)}  ${name}`);
  lines.push('', 'hottest functions (self):');
  for (const [name, micros] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${pct(micros)}  ${name}`);
  return lines.join('\n');
}

if (require.main === module) {
  for (const file of process.argv.slice(2)) {
    console.log(`== ${file}\n${summarise(JSON.parse(readFileSync(file, 'utf8')) as CpuProfile)}\n`);
  }
}
