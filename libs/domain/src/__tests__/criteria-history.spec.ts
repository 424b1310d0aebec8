import { criteriaHistory, diffCriteria, type Criterion } from '../index';

const errors: Criterion = {
  id: 'errors',
  name: 'Erreurs',
  method: 'Relevé',
  target: '0',
  coBuiltWithUsers: true,
};
const calm: Criterion = {
  id: 'calm',
  name: 'Sérénité',
  method: 'Entretiens',
  target: '',
  coBuiltWithUsers: false,
};

describe('what an amendment of the criteria changed', () => {
  it('lists the criteria added, removed and modified, matched by id, with the fields that changed', () => {
    const diff = diffCriteria(
      [errors, calm],
      [
        { ...errors, target: '2', coBuiltWithUsers: false },
        { ...calm, id: 'new' },
      ],
    );
    expect(diff.added.map((c) => c.id)).toEqual(['new']);
    expect(diff.removed.map((c) => c.id)).toEqual(['calm']);
    expect(diff.modified).toEqual([
      {
        before: errors,
        after: { ...errors, target: '2', coBuiltWithUsers: false },
        fields: ['target', 'coBuiltWithUsers'],
      },
    ]);
  });

  it('finds nothing when nothing changed', () => {
    expect(diffCriteria([errors], [{ ...errors }])).toEqual({ added: [], removed: [], modified: [] });
  });

  it('gives each amendment the criteria it replaced, and the last one as current', () => {
    const first = {
      id: 'a1',
      amendedAt: '2026-01-02T00:00:00.000Z',
      amendedBy: null,
      reason: 'r1',
      criteria: [errors, calm],
    };
    const second = {
      id: 'a2',
      amendedAt: '2026-01-03T00:00:00.000Z',
      amendedBy: 'u',
      reason: 'r2',
      criteria: [calm],
    };
    const history = criteriaHistory('x', [errors], [first, second]);
    expect(history.current).toEqual([calm]);
    expect(history.amendments.map((a) => a.previous)).toEqual([[errors], [errors, calm]]);
    expect(criteriaHistory('x', [errors], []).current).toEqual([errors]);
  });
});
