// Preloaded into the API process by the API benchmark (node -r): while recording is on
// (switched by an IPC message from the benchmark, acknowledged), appends every statement the API sends to PostgreSQL — its
// text, parameters and when it started and ended — to CAPACITES_BENCH_SQL_FILE as JSON
// lines. The benchmark replays exactly these statements through `pg` as its baseline.
// Off, it costs one boolean test per query.
const { appendFileSync } = require('node:fs');

const file = process.env.CAPACITES_BENCH_SQL_FILE;
if (file) {
  const { Client } = require('pg');
  let recording = false;
  // IPC rather than a signal: NestJS's shutdown hooks stop the API on SIGUSR2.
  process.on('message', (message) => {
    if (message && typeof message.capture === 'boolean') {
      recording = message.capture;
      process.send({ capturing: recording });
    }
  });
  const original = Client.prototype.query;
  const now = () => Number(process.hrtime.bigint()) / 1e6;
  Client.prototype.query = function query(config, values, callback) {
    if (!recording || (config && typeof config.submit === 'function')) return original.apply(this, arguments);
    const text = typeof config === 'string' ? config : config.text;
    const params = Array.isArray(values) ? values : (config && config.values) || [];
    const start = now();
    const write = () =>
      appendFileSync(file, `${JSON.stringify({ text, values: params, start, end: now() })}\n`);
    const args = [...arguments];
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const done = args[last];
      args[last] = function wrapped() {
        write();
        return done.apply(this, arguments);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof result.then === 'function') result.then(write, write);
    return result;
  };
}
