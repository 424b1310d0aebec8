import {
  createQuestionnaireSchema,
  QUESTIONNAIRE_STATUSES,
  type QuestionResult,
  type UsersVoiceSummary,
} from '@capacites/domain';
import { contrastRatio, TEXT_CONTRAST } from '../../a11y/contrast';
import { ACTION_FORMS, parseSources } from '../../experiments/actions/actionForms';
import type { Experiment } from '../../experiments/types';
import { resultInWords } from '../evaluation/UsersVoicePanel';
import { emptyQuestionnaire, newQuestion, toFormValues, toQuestionnaireBody } from '../form/formValues';
import { distributionLabel, formatMean, formatRate } from '../show/labels';
import { STATUS_COLOURS } from '../status';

const experimentId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
// A stand-in for polyglot: the key and its options, enough to check which message is chosen.
const translate = (key: string, options?: object) => (options ? `${key} ${JSON.stringify(options)}` : key);

describe('the questionnaire builder', () => {
  it('sends each kind with only the fields it uses, and the schema the API applies accepts it', () => {
    const values = {
      ...emptyQuestionnaire(experimentId),
      title: 'Pulse du classeur',
      questions: [
        {
          ...newQuestion(),
          label: 'Utile ?',
          minLabel: 'Non',
          maxLabel: 'Oui',
          optionsText: 'reste\nd’un autre type',
          criterionId: 'errors',
        },
        {
          ...newQuestion(),
          kind: 'singleChoice' as const,
          label: 'Équipe ?',
          optionsText: ' Nord \n\nSud\n',
          minLabel: 'x',
          anonymous: false,
        },
        {
          ...newQuestion(),
          kind: 'longText' as const,
          label: 'Un mot ?',
          criterionId: '' as unknown as null,
        },
      ],
    };
    const body = toQuestionnaireBody(values);
    expect(body.questions).toEqual([
      expect.objectContaining({
        kind: 'scale',
        options: [],
        minLabel: 'Non',
        maxLabel: 'Oui',
        criterionId: 'errors',
        anonymous: true,
      }),
      expect.objectContaining({
        kind: 'singleChoice',
        options: ['Nord', 'Sud'],
        minLabel: '',
        maxLabel: '',
        anonymous: false,
      }),
      expect.objectContaining({ kind: 'longText', options: [], criterionId: null }),
    ]);
    expect(body.window).toEqual({ kind: 'run' });
    expect(createQuestionnaireSchema.safeParse(body).success).toBe(true);
  });

  it('makes every question of a public questionnaire anonymous, and keeps custom days', () => {
    const body = toQuestionnaireBody({
      ...emptyQuestionnaire(experimentId),
      title: 'Accueil',
      audience: 'public',
      window: { kind: 'custom', opensOn: '2026-12-01', closesOn: '2026-12-15' },
      questions: [{ ...newQuestion(), kind: 'yesNo', label: 'Revenir ?', anonymous: false }],
    });
    expect(body.questions).toEqual([expect.objectContaining({ anonymous: true })]);
    expect(body.window).toEqual({ kind: 'custom', opensOn: '2026-12-01', closesOn: '2026-12-15' });
  });

  it('opens a saved questionnaire with its options one per line, and saves it back unchanged', () => {
    const saved = {
      title: 'Pulse',
      intro: '',
      audience: 'participants' as const,
      window: { kind: 'evaluation' as const, opensOn: null, closesOn: null },
      questions: [
        {
          id: 'q1',
          kind: 'multipleChoice' as const,
          label: 'Quoi ?',
          help: '',
          required: true,
          criterionId: null,
          anonymous: true,
          options: ['A', 'B'],
          minLabel: '',
          maxLabel: '',
        },
      ],
    };
    const form = toFormValues(saved);
    expect(form.questions[0].optionsText).toBe('A\nB');
    expect(form.window).toEqual({ kind: 'evaluation' });
    expect(toQuestionnaireBody(form)).toEqual({ ...saved, window: { kind: 'evaluation' } });
  });
});

describe('the results', () => {
  const scale: QuestionResult = {
    questionId: 'q1',
    kind: 'scale',
    label: 'Utile ?',
    criterionId: 'errors',
    anonymous: true,
    answered: 4,
    skipped: 1,
    distribution: ['1', '2', '3', '4', '5'].map((value) => ({
      value,
      count: value === '5' ? 3 : value === '4' ? 1 : 0,
    })),
    mean: 4.75,
    texts: [],
    named: [],
  };

  it('say a scale by its mean, a choice by its leading answer and its share, texts by their number', () => {
    expect(resultInWords(scale, translate, 'fr')).toMatch(
      /^resources\.questionnaires\.results\.mean 4,75 \/ 5 \(/,
    );
    const yesNo: QuestionResult = {
      ...scale,
      kind: 'yesNo',
      mean: null,
      distribution: [
        { value: 'yes', count: 3 },
        { value: 'no', count: 1 },
      ],
    };
    expect(resultInWords(yesNo, translate, 'fr')).toMatch(/^resources\.questionnaires\.results\.yes : 75\s%/);
    const texts: QuestionResult = {
      ...scale,
      kind: 'longText',
      distribution: [],
      mean: null,
      texts: ['a', 'b'],
    };
    expect(resultInWords(texts, translate, 'fr')).toBe(
      'resources.questionnaires.results.texts {"smart_count":2}',
    );
  });

  it('label a scale’s ends with the words the question gave them', () => {
    const ends = { minLabel: 'Pas du tout', maxLabel: 'Beaucoup' };
    expect(['1', '3', '5'].map((v) => distributionLabel(scale, v, translate, ends))).toEqual([
      '1 — Pas du tout',
      '3',
      '5 — Beaucoup',
    ]);
    expect(formatMean(null, 'fr-FR')).toBe('—');
    expect(formatRate(0.5, 'fr-FR')).toMatch(/^50\s%$/);
  });

  it('show each status in colours readable at 4.5:1', () => {
    for (const status of QUESTIONNAIRE_STATUSES) {
      const { text, background } = STATUS_COLOURS[status];
      expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    }
  });
});

describe('the evaluation form', () => {
  const experiment = { id: experimentId } as Experiment;
  const criteria = [{ id: 'errors', name: 'Erreurs', method: '', target: '', coBuiltWithUsers: true }];
  const summary: UsersVoiceSummary = {
    experimentId,
    questionnaires: [
      {
        id: 'a',
        title: 'Pulse',
        audience: 'participants',
        status: 'closed',
        respondents: 3,
        expected: 4,
        responseRate: 0.75,
      },
    ],
    criteria: [],
    usersVoice: { sources: ['Questionnaire « Pulse » (3 réponses)'], count: 3 },
    testimonies: 0,
  };

  it('is pre-filled with the users’ voice from the real answers, and leaves each result to the evaluator', () => {
    const defaults = ACTION_FORMS.submitEvaluation.defaults({ experiment, criteria, usersVoice: summary });
    expect(defaults.usersVoice).toEqual({ sources: summary.usersVoice.sources, count: 3, noneReason: '' });
    expect(defaults.criterionResults).toEqual([{ criterionId: 'errors', result: '', met: null }]);
  });

  it('stays empty without answers or when the questionnaires cannot be read', () => {
    const none = { sources: [], count: 0, noneReason: '' };
    expect(
      ACTION_FORMS.submitEvaluation.defaults({ experiment, criteria, usersVoice: null }).usersVoice,
    ).toEqual(none);
    const empty = { ...summary, usersVoice: { sources: [], count: 0 } };
    expect(
      ACTION_FORMS.submitEvaluation.defaults({ experiment, criteria, usersVoice: empty }).usersVoice,
    ).toEqual(none);
    expect(ACTION_FORMS.submitEvaluation.needsUsersVoice).toBe(true);
  });

  it('keeps a pre-filled source whole when its text holds a comma', () => {
    expect(
      parseSources('entretiens, Questionnaire « Pulse » (équipe testeuse, 12 réponses),  verbatims '),
    ).toEqual(['entretiens', 'Questionnaire « Pulse » (équipe testeuse, 12 réponses)', 'verbatims']);
    expect(parseSources('entretiens, questionnaire')).toEqual(['entretiens', 'questionnaire']);
  });
});
