// What a run produces: figures (each against a baseline measured in the same run), the
// machine it ran on, and the raw details; written as JSON and as a short Markdown table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { round } from './stats';
import type { MachineInfo } from './machine';

export interface Figure {
  benchmark: 'storm' | 'api' | 'memory' | 'backoffice' | 'answers' | 'import' | 'committee';
  name: string;
  value: number;
  unit: string;
  /** What the baseline is, in a few words. */
  baselineName: string;
  baseline: number | null;
  /** value / baseline. */
  ratio: number | null;
  /** The goal in words, and whether this run met it (null: the goal is not about this figure alone). */
  goal?: string;
  met?: boolean | null;
  /** What limits the figure (the busiest process in its window, measured). */
  limitedBy?: string;
}

export interface RunReport {
  startedAt: string;
  finishedAt?: string;
  size: string;
  command: string;
  machine: MachineInfo;
  machineAtEnd?: MachineInfo['load'];
  figures: Figure[];
  details: Record<string, unknown>;
  /** Work that failed, as `<benchmark>: <reason>`; any one fails the run. */
  errors: string[];
  /** Benchmarks that could not run here, with why. */
  skipped: Record<string, string>;
}

const fmt = (value: number | null, unit = ''): string => {
  if (value === null || !Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${round(value, digits).toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;
};

export function markdownTable(figures: Figure[]): string {
  const lines = [
    '| benchmark | figure | value | baseline | ratio | goal | met | limited by |',
    '|---|---|---:|---:|---:|---|:-:|---|',
  ];
  for (const f of figures) {
    const met = f.met === undefined || f.met === null ? '' : f.met ? 'yes' : '**no**';
    lines.push(
      `| ${f.benchmark} | ${f.name} | ${fmt(f.value, f.unit)} | ${fmt(f.baseline, f.unit)} (${f.baselineName}) | ${
        f.ratio === null ? '—' : `${fmt(f.ratio)}x`
      } | ${f.goal ?? ''} | ${met} | ${f.limitedBy ?? ''} |`,
    );
  }
  return lines.join('\n');
}

export function markdownReport(report: RunReport): string {
  const m = report.machine;
  return [
    `# Benchmarks, ${report.size} size, ${report.startedAt}`,
    '',
    `Command: \`${report.command}\``,
    '',
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; ${m.os}.`,
    `Load average at start ${m.load.loadAverage.join(' / ')} (jest processes: ${m.load.jestProcesses})` +
      (report.machineAtEnd
        ? `, at end ${report.machineAtEnd.loadAverage.join(' / ')} (jest processes: ${report.machineAtEnd.jestProcesses}).`
        : '.'),
    '',
    markdownTable(report.figures),
    '',
    ...(report.errors.length > 0 ? ['Errors:', ...report.errors.map((e) => `- ${e}`), ''] : []),
    ...(Object.keys(report.skipped).length > 0
      ? ['Skipped:', ...Object.entries(report.skipped).map(([name, why]) => `- ${name}: ${why}`), '']
      : []),
  ].join('\n');
}

/** Writes `<stamp>-<size>.json|md` and `latest.json|md` into the results folder. */
export function writeReport(dir: string, report: RunReport): { json: string; markdown: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const json = join(dir, `${stamp}-${report.size}.json`);
  const markdown = join(dir, `${stamp}-${report.size}.md`);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  const md = `${markdownReport(report)}\n`;
  writeFileSync(json, text);
  writeFileSync(markdown, md);
  writeFileSync(join(dir, 'latest.json'), text);
  writeFileSync(join(dir, 'latest.md'), md);
  return { json, markdown };
}
