import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, type BundleOptions } from '@temporalio/worker';

const repoRoot = resolve(__dirname, '..', '..', '..');

export const WORKFLOWS_ENTRY = join(repoRoot, 'workflows', 'src', 'workflows.ts');

/**
 * The failure converter of libs/config (FAILURE_CONVERTER_PATH there), by a relative path:
 * this file is also required by the test and build scripts, without the tsconfig aliases.
 */
const FAILURE_CONVERTER_PATH = require.resolve(join(repoRoot, 'libs', 'config', 'src', 'failure-converter'));

/**
 * The bundle written by `nx run worker:build` beside the compiled worker
 * (dist/worker/workflow-bundle.js), when this file runs compiled: production loads it
 * instead of bundling the workflow sources, which the image does not hold.
 */
export function prebuiltWorkflowBundle(): string | undefined {
  if (!__filename.endsWith('.js')) return undefined;
  const path = join(__dirname, '..', '..', '..', 'workflow-bundle.js');
  if (!existsSync(path))
    throw new Error(`the compiled worker has no workflow bundle at ${path}: run \`nx run worker:build\``);
  return path;
}

/**
 * The workflow bundler (webpack) does not read tsconfig paths: map the only aliases
 * workflow code may import. Anything else (Node, ORM, network) is refused by lint.
 *
 * The domain library is pure: webpack leaves out its modules whose exports no workflow
 * uses. This matters because the SDK's reusable V8 context evaluates the bundle's modules
 * once per workflow (one module cache each): the zod schemas of the modules workflows do
 * not use cost each cached workflow about 0.6 MB (benchmarks, docs/benchmarks.md: 2.1 →
 * 1.5 MB per workflow). Preloading the domain (modules shared by every workflow) is not
 * possible: the SDK freezes shared modules, and zod defines properties on its schemas lazily.
 */
export function workflowBundlerOptions(): Required<Pick<BundleOptions, 'webpackConfigHook'>> {
  const domain = join(repoRoot, 'libs', 'domain', 'src');
  return {
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = {
        ...(config.resolve.alias as Record<string, string> | undefined),
        '@capacites/domain': join(domain, 'index.ts'),
      };
      config.optimization = { ...config.optimization, sideEffects: true, usedExports: true };
      config.module = config.module ?? {};
      config.module.rules = [
        ...(config.module.rules ?? []),
        { test: (path: string) => path.startsWith(domain), sideEffects: false },
      ];
      return config;
    },
  };
}

/** Bundles the workflow code once (Docker image build, test suites). */
export async function buildWorkflowBundle(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_ENTRY,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    ...workflowBundlerOptions(),
    logger: new DefaultLogger('WARN'),
  });
  return code;
}
