import { buildWorkflowBundle } from '../workflow-bundle';

/**
 * The SDK's reusable V8 context evaluates the bundle's modules once per cached workflow:
 * every package the workflows pull in is paid for by each of the 10,000 running tests.
 * zod alone (reached through one helper of framing.ts) took the worker from about 360 KiB
 * to 1.2 MiB per cached workflow (docs/benchmarks.md, "3. Memory").
 */
describe('workflow bundle', () => {
  let code: string;

  beforeAll(async () => {
    code = await buildWorkflowBundle();
  }, 120_000);

  it.each(['zod', 'date-holidays', '@zxcvbn-ts', 'exceljs', 'pdfmake', 'typeorm', 'pg'])(
    'holds no module of %s',
    (pkg) => {
      expect(code.includes(`"./node_modules/${pkg}/`)).toBe(false);
    },
  );

  it('holds the lifecycle and the domain modules it uses', () => {
    expect(code).toContain('"./workflows/src/experiment-lifecycle/experiment-lifecycle.workflow.ts"');
    expect(code).toContain('"./libs/domain/src/experiment/people.ts"');
  });
});
