// The machine a run measured on, and how busy it was: contended figures are worthless.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { machineCores } from './processes';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  load: { loadAverage: number[]; jestProcesses: number };
}

export function currentLoad(): MachineInfo['load'] {
  let jestProcesses = 0;
  try {
    const out = execFileSync('pgrep', ['-f', 'jest'], { encoding: 'utf8' });
    jestProcesses = out.split('\n').filter((line) => line.trim() && Number(line) !== process.pid).length;
  } catch {
    // pgrep exits with 1 when nothing matches.
  }
  return { loadAverage: loadavg().map((value) => Math.round(value * 100) / 100), jestProcesses };
}

export function machineInfo(): MachineInfo {
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown CPU',
    cores: machineCores(),
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    os: `Linux ${release()}`,
    load: currentLoad(),
  };
}
