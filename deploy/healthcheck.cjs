// The image's HEALTHCHECK (plain Node, no dependencies): exit 0 when the process of this
// container answers 200 on its health endpoint. The worker container sets WORKER_HEALTH_PORT
// (its liveness endpoint, 200 while it polls Temporal); the API answers on /api/health
// (200 when PostgreSQL and Temporal both answer). An explicit URL may be given as argument.
const port = process.env.WORKER_HEALTH_PORT;
const url =
  process.argv[2] ??
  (port ? `http://127.0.0.1:${port}/health` : `http://127.0.0.1:${process.env.API_PORT || 3000}/api/health`);

fetch(url, { signal: AbortSignal.timeout(4000) }).then(
  (response) => {
    if (response.status !== 200) console.error(`${url}: ${response.status}`);
    process.exit(response.status === 200 ? 0 : 1);
  },
  (error) => {
    console.error(`${url}: ${error.message}`);
    process.exit(1);
  },
);
