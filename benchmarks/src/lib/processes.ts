// Child processes of a benchmark (the real worker and API, run from their own entry
// points) and what the kernel says about them: resident memory and CPU time.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './services';

export interface NodeChild {
  child: ChildProcess;
  pid: number;
  /** The last lines it printed (for error messages). */
  output(): string;
}

/**
 * Runs a TypeScript entry point with the repository's SWC register (as `npm start`
 * does) and resolves once a line of its output matches `ready`.
 */
export async function spawnNode(
  name: string,
  entry: string,
  env: Record<string, string>,
  ready: RegExp,
  options: { nodeArgs?: string[]; timeoutMs?: number; ipc?: boolean } = {},
): Promise<NodeChild> {
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), '-r', join(repoRoot, 'scripts', 'register.cjs'), entry],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      stdio: options.ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    },
  );
  let tail = '';
  let matched = false;
  const seen = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${name} was not ready within ${options.timeoutMs ?? 120000} ms:\n${tail}`)),
      options.timeoutMs ?? 120000,
    );
    const onData = (chunk: Buffer) => {
      tail = (tail + chunk.toString()).slice(-6000);
      if (!matched && ready.test(tail)) {
        matched = true;
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!matched) reject(new Error(`${name} exited (${signal ?? code}) before it was ready:\n${tail}`));
    });
  });
  await seen;
  return { child, pid: child.pid ?? 0, output: () => tail };
}

/**
 * Watches a process that must outlive the measurement: the returned check throws, with the
 * end of its output, once it has exited, so that a dead worker fails the benchmark at once
 * instead of turning every later request into a warning.
 */
export function exitWatch(proc: NodeChild, name: string): () => void {
  let exit: string | undefined;
  proc.child.once('exit', (code, signal) => {
    exit = String(signal ?? code);
  });
  return () => {
    if (exit !== undefined)
      throw new Error(`${name} exited (${exit}) during the measurement:\n${proc.output()}`);
  };
}

/** Resident set size of a process in MiB (0 when it is gone). */
export function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kib / 1024;
  } catch {
    return 0;
  }
}

/** Samples the RSS of a process every `intervalMs`; keeps the peak. */
export class RssSampler {
  peak = 0;
  last = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly pid: number,
    intervalMs = 500,
  ) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  sample(): number {
    this.last = rssMiB(this.pid);
    this.peak = Math.max(this.peak, this.last);
    return this.last;
  }

  /** Forgets the peak so far (a new phase starts). */
  reset(): void {
    this.peak = this.sample();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at ") ".
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return 0;
  }
}

/** A process and its children (PostgreSQL's backends are children of the postmaster). */
export function withChildren(pid: number): number[] {
  const pids = [pid];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(join('/proc', entry, 'stat'), 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) pids.push(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return pids;
}

function machineTicks(): { busy: number; total: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  const values = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = values[3] + (values[4] ?? 0);
  const total = values.reduce((sum, value) => sum + value, 0);
  return { busy: total - idle, total };
}

export interface CpuShare {
  /** Share of the whole machine (all cores) over the window, in percent. */
  percent: number;
  seconds: number;
}

/**
 * CPU used by named groups of processes over a window, as a share of the machine, plus
 * the whole machine's busy share: what is left is other people's work on the machine.
 */
export class CpuMeter {
  private start = new Map<string, Map<number, number>>();
  private machineStart = machineTicks();
  private selfStart = process.cpuUsage();
  private t0 = Date.now();

  constructor(private readonly groups: Record<string, () => number[]>) {
    this.begin();
  }

  begin(): void {
    this.t0 = Date.now();
    this.machineStart = machineTicks();
    this.selfStart = process.cpuUsage();
    this.start = new Map();
    for (const [name, pids] of Object.entries(this.groups)) {
      this.start.set(name, new Map(pids().map((pid) => [pid, processTicks(pid)])));
    }
  }

  /** CPU of each group and of this process ("bench"), and of the whole machine. */
  end(): { processes: Record<string, CpuShare>; machine: CpuShare; elapsedSeconds: number } {
    const seconds = Math.max(0.001, (Date.now() - this.t0) / 1000);
    const cores = machineCores();
    const share = (cpuSeconds: number): CpuShare => ({
      seconds: cpuSeconds,
      percent: (100 * cpuSeconds) / (seconds * cores),
    });
    const result: Record<string, CpuShare> = {};
    for (const [name, pids] of Object.entries(this.groups)) {
      const before = this.start.get(name) ?? new Map<number, number>();
      let ticks = 0;
      for (const pid of new Set([...pids(), ...before.keys()])) {
        ticks += Math.max(0, processTicks(pid) - (before.get(pid) ?? 0));
      }
      result[name] = share(ticks / TICKS_PER_SECOND);
    }
    const self = process.cpuUsage(this.selfStart);
    result.bench = share((self.user + self.system) / 1e6);
    const machine = machineTicks();
    const busy = machine.busy - this.machineStart.busy;
    const total = machine.total - this.machineStart.total;
    return {
      processes: result,
      machine: { seconds: busy / TICKS_PER_SECOND, percent: total > 0 ? (100 * busy) / total : 0 },
      elapsedSeconds: seconds,
    };
  }
}

export function machineCores(): number {
  return readFileSync('/proc/cpuinfo', 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('processor')).length;
}
