import { parseInput, templateCreateSchema } from '@capacites/domain';
import { templateCreateBody, templateUpdateBody } from '../types';

const TRACK = '11111111-2222-4333-8444-555555555555';

describe('the template form’s request body', () => {
  it('ties a question to a criterion added in the same form, by the id that criterion gets', () => {
    const body = templateCreateBody({
      name: 'Immersion',
      trackId: TRACK,
      organizationId: '',
      criteria: [{ id: 'existing', name: 'Déjà là' }, { name: 'Ajouté à l’instant' }],
      questionnaires: [
        {
          title: 'Pulse',
          audience: 'participants',
          questions: [
            { kind: 'yesNo', label: 'Et alors ?', criterionId: '#1' },
            { kind: 'yesNo', label: 'Et avant ?', criterionId: 'existing', anonymous: false },
          ],
        },
      ],
    }) as {
      organizationId: unknown;
      criteria: { id: string }[];
      questionnaires: { window: string; questions: { criterionId: string; anonymous: boolean }[] }[];
    };
    expect(body.organizationId).toBeNull();
    const added = body.criteria[1].id;
    expect(added).not.toBe('');
    expect(body.questionnaires[0].window).toBe('run');
    expect(body.questionnaires[0].questions.map((q) => [q.criterionId, q.anonymous])).toEqual([
      [added, true],
      ['existing', false],
    ]);
    // What the form sends is what the API accepts.
    expect(parseInput(templateCreateSchema, body).ok).toBe(true);
  });

  it('sends options typed one per line without the empty lines, end labels for scales only, public answers anonymous', () => {
    const body = templateUpdateBody({
      name: 'Immersion',
      trackId: TRACK,
      durationDays: '',
      questionnaires: [
        {
          title: 'Pulse',
          audience: 'public',
          window: 'evaluation',
          questions: [
            {
              kind: 'singleChoice',
              label: 'Où ?',
              options: ['Voirie', '', ' Crèche ', ''],
              minLabel: 'a',
              anonymous: false,
            },
            { kind: 'scale', label: 'Envie ?', minLabel: 'Non', maxLabel: 'Oui' },
          ],
        },
      ],
    }) as {
      durationDays: unknown;
      archived: boolean;
      questionnaires: { questions: Record<string, unknown>[] }[];
    };
    expect(body.durationDays).toBeNull();
    expect(body.archived).toBe(false);
    expect(body.questionnaires[0].questions[0]).toMatchObject({
      options: ['Voirie', 'Crèche'],
      minLabel: '',
      anonymous: true,
    });
    expect(body.questionnaires[0].questions[1]).toMatchObject({
      options: [],
      minLabel: 'Non',
      maxLabel: 'Oui',
    });
  });
});
