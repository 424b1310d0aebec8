import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  const services = globalThis.__capacitesServices;
  if (!services) return;
  if (services.temporal.env) await services.temporal.env.teardown();
  else {
    services.temporal.child.kill('SIGTERM');
    await new Promise((resolve) => {
      if (services.temporal.child.exitCode !== null) return resolve();
      services.temporal.child.once('exit', resolve);
      setTimeout(() => {
        services.temporal.child.kill('SIGKILL');
        resolve();
      }, 5000).unref();
    });
  }
  await services.pg.stop();
  rmSync(services.dir, { recursive: true, force: true });
}
