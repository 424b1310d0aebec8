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
          window: 'run',
          questions: [
            { kind: 'yesNo', label: 'Et alors ?', criterionId: '#1' },
            { kind: 'yesNo', label: 'Et avant ?', criterionId: 'existing' },
          ],
        },
      ],
    }) as { organizationId: unknown; criteria: { id: string }[]; questionnaires: { questions: { criterionId: string }[] }[] };
    expect(body.organizationId).toBeNull();
    const added = body.criteria[1].id;
    expect(added).not.toBe('');
    expect(body.questionnaires[0].questions.map((q) => q.criterionId)).toEqual([added, 'existing']);
    // What the form sends is what the API accepts.
    expect(parseInput(templateCreateSchema, body).ok).toBe(true);
  });

  it('sends choices typed one per line without the empty lines, and end labels for scales only', () => {
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
            { kind: 'single', label: 'Où ?', choices: ['Voirie', '', ' Crèche ', ''], scaleLabels: { min: 'a', max: 'b' } },
            { kind: 'scale', label: 'Envie ?', scaleLabels: { min: 'Non', max: 'Oui' } },
          ],
        },
      ],
    }) as { durationDays: unknown; archived: boolean; questionnaires: { questions: Record<string, unknown>[] }[] };
    expect(body.durationDays).toBeNull();
    expect(body.archived).toBe(false);
    expect(body.questionnaires[0].questions[0]).toMatchObject({ choices: ['Voirie', 'Crèche'], scaleLabels: null });
    expect(body.questionnaires[0].questions[1]).toMatchObject({ choices: [], scaleLabels: { min: 'Non', max: 'Oui' } });
  });
});
