import { experimentIdFromWorkflowId, experimentWorkflowId } from '../experiment/experiment-id';

describe('experiment workflow ids', () => {
  const id = '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b';

  it('derives an opaque workflow id from the experiment id alone', () => {
    expect(experimentWorkflowId(id)).toBe(`experiment-${id}`);
    expect(experimentIdFromWorkflowId(experimentWorkflowId(id))).toBe(id);
  });

  it('refuses anything but a UUID, so that no title or name can leak into Temporal', () => {
    expect(() => experimentWorkflowId('classeur-medical-nantes')).toThrow(/must be a UUID/);
    expect(() => experimentIdFromWorkflowId('experiment-jean.dupont')).toThrow(
      /not an experiment workflow id/,
    );
  });
});
