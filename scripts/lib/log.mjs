// Small console helpers for the service scripts: one prefix, timestamps on long steps.
const started = Date.now();

export function step(message) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stdout.write(`[capacites ${seconds}s] ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`\n[capacites] ERROR: ${message}\n`);
  process.exit(1);
}
