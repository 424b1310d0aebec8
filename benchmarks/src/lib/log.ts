// Console progress for long benchmark runs: one prefix, elapsed time, throttled counters.
const started = Date.now();

export function elapsed(): string {
  return `${((Date.now() - started) / 1000).toFixed(1)}s`;
}

export function step(message: string): void {
  process.stdout.write(`[bench ${elapsed().padStart(7)}] ${message}\n`);
}

export function warn(message: string): void {
  process.stdout.write(`[bench ${elapsed().padStart(7)}] WARNING: ${message}\n`);
}

/** Prints `label: done/total (rate/s)` at most every `everyMs`, and once at the end. */
export function progress(label: string, total: number, everyMs = 2000): (done: number) => void {
  const t0 = Date.now();
  let last = 0;
  return (done: number) => {
    const now = Date.now();
    if (done < total && now - last < everyMs) return;
    last = now;
    const seconds = Math.max(0.001, (now - t0) / 1000);
    step(`  ${label}: ${done}/${total} (${(done / seconds).toFixed(0)}/s)`);
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items` with at most `concurrency` in flight; reports progress. */
export async function runPool<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
  onDone?: (done: number) => void,
): Promise<void> {
  let next = 0;
  let done = 0;
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
      done += 1;
      onDone?.(done);
    }
  });
  await Promise.all(lanes);
}
