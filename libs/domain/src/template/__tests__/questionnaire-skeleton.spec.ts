import { parseInput } from '../../validation';
import {
  questionnaireDrafts,
  questionnaireSkeletonSchema,
  replicaQuestionnaires,
} from '../questionnaire-skeleton';

const skeletonStub = {
  pulse: () => ({
    title: 'Pulse à mi-parcours',
    audience: 'public' as const,
    questions: [
      { id: 'q1', kind: 'yesNo', label: 'Utile ?' },
      {
        kind: 'scale',
        label: 'Envie ?',
        minLabel: 'Non',
        maxLabel: 'Oui',
        anonymous: false,
        criterionId: 'envie',
      },
      { kind: 'singleChoice', label: 'Où ?', options: ['Voirie', 'Crèche'] },
    ],
  }),
};

describe('a questionnaire skeleton (a template’s questionnaire, in the questionnaires’ types)', () => {
  it('opens during the run unless it says at the evaluation; no dates of its own', () => {
    const parsed = parseInput(questionnaireSkeletonSchema, skeletonStub.pulse());
    expect(parsed.ok && parsed.value.window).toBe('run');
    const dated = parseInput(questionnaireSkeletonSchema, { ...skeletonStub.pulse(), window: 'custom' });
    expect(dated.ok === false && dated.errors.map((e) => e.field)).toEqual(['window']);
  });

  it('becomes draft questionnaires with an id for every question, never clashing, public answers anonymous', () => {
    const parsed = parseInput(questionnaireSkeletonSchema, skeletonStub.pulse());
    if (!parsed.ok) throw new Error('the stub is valid');
    const [draft] = questionnaireDrafts([parsed.value]);
    expect(draft).toMatchObject({ title: 'Pulse à mi-parcours', audience: 'public', windowKind: 'run' });
    expect(draft.questions.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    expect(draft.questions.every((q) => q.anonymous)).toBe(true);
    expect(draft.questions[1]).toMatchObject({ criterionId: 'envie', minLabel: 'Non', options: [] });
  });

  it('a replica copies the original’s questions, not its window dates nor links to criteria it lacks', () => {
    const parsed = parseInput(questionnaireSkeletonSchema, skeletonStub.pulse());
    if (!parsed.ok) throw new Error('the stub is valid');
    const [original] = questionnaireDrafts([parsed.value]);
    const [copy] = replicaQuestionnaires([{ ...original, windowKind: 'custom' }], ['autre-critere']);
    expect(copy.windowKind).toBe('run');
    expect(copy.questions.map((q) => q.label)).toEqual(['Utile ?', 'Envie ?', 'Où ?']);
    expect(copy.questions[1].criterionId).toBeNull();
    expect(copy.questions[2].options).not.toBe(original.questions[2].options);
  });
});
