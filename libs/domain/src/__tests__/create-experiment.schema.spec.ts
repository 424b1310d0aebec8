import { createExperimentSchema } from '../experiment/experiment.schema';
import { parseInput } from '../validation';

describe('create experiment input', () => {
  const valid = {
    organizationId: '3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b',
    title: '  Pacte de micro-mobilité  ',
  };

  it('accepts a minimal draft and trims its text', () => {
    const result = parseInput(createExperimentSchema, valid);
    expect(result).toEqual({ ok: true, value: { ...valid, title: 'Pacte de micro-mobilité' } });
  });

  it('names every bad field, unknown fields included', () => {
    const result = parseInput(createExperimentSchema, {
      organizationId: 'x',
      title: '',
      hypothesis: 42,
      state: 'running',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field).sort()).toEqual([
      'hypothesis',
      'organizationId',
      'state',
      'title',
    ]);
    expect(result.errors.find((e) => e.field === 'state')?.message).toBe('unknown field "state"');
  });

  it('keeps unicode and HTML as plain text', () => {
    const title = '<script>alert("é")</script> 🧪';
    const result = parseInput(createExperimentSchema, { ...valid, title });
    expect(result.ok && result.value.title).toBe(title);
  });
});
