import { join, resolve } from 'node:path';
import { bundleWorkflowCode, DefaultLogger, type BundleOptions } from '@temporalio/worker';

const repoRoot = resolve(__dirname, '..', '..', '..');

export const WORKFLOWS_ENTRY = join(repoRoot, 'workflows', 'src', 'workflows.ts');

/**
 * The workflow bundler (webpack) does not read tsconfig paths: map the only aliases
 * workflow code may import. Anything else (Node, ORM, network) is refused by lint.
 */
export function workflowBundlerOptions(): Required<Pick<BundleOptions, 'webpackConfigHook'>> {
  return {
    webpackConfigHook: (config) => {
      config.resolve = config.resolve ?? {};
      config.resolve.alias = {
        ...(config.resolve.alias as Record<string, string> | undefined),
        '@capacites/domain': join(repoRoot, 'libs', 'domain', 'src', 'index.ts'),
      };
      return config;
    },
  };
}

/** Bundles the workflow code once (Docker image build, test suites). */
export async function buildWorkflowBundle(): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_ENTRY,
    ...workflowBundlerOptions(),
    logger: new DefaultLogger('WARN'),
  });
  return code;
}
