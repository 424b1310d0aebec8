import {
  byCriterion,
  canBuildQuestionnaireIn,
  checkAnswers,
  createQuestionnaireSchema,
  overTime,
  publicAnswerSchema,
  publicCodeFrom,
  PUBLIC_CODE_PATTERN,
  questionResults,
  reminderAt,
  resolveWindow,
  responseRate,
  weekStart,
  type Question,
  type ResponseRow,
  type WindowFacts,
} from '../index';
import { ERROR_CODES, errorMessage, FORBIDDEN_ACTIONS } from '../../errors/error-codes';

const question = (id: string, kind: Question['kind'], extra: Partial<Question> = {}): Question => ({
  id,
  kind,
  label: `Question ${id}`,
  help: '',
  required: false,
  criterionId: null,
  anonymous: true,
  options: [],
  minLabel: '',
  maxLabel: '',
  ...extra,
});

const questions: Question[] = [
  question('scale', 'scale', { required: true, criterionId: 'load', minLabel: 'Pas du tout', maxLabel: 'Tout à fait' }),
  question('yes', 'yesNo'),
  question('one', 'singleChoice', { options: ['Matin', 'Soir'] }),
  question('many', 'multipleChoice', { options: ['A', 'B', 'C'], criterionId: 'load' }),
  question('short', 'shortText'),
  question('long', 'longText', { anonymous: false }),
];

describe('answers are checked against the questions, each problem named answers.<questionId>', () => {
  it('accepts one answer of each kind, trimmed, and drops empty optional ones', () => {
    const result = checkAnswers(questions, {
      scale: 4,
      yes: false,
      one: 'Soir',
      many: ['A', 'C'],
      short: '  bien  ',
      long: '',
    });
    expect(result).toEqual({ ok: true, answers: { scale: 4, yes: false, one: 'Soir', many: ['A', 'C'], short: 'bien' } });
  });

  it('names every bad answer: out of scale, wrong type, unknown option, too long, unknown question, required missing', () => {
    const result = checkAnswers(questions, {
      scale: 6,
      yes: 'oui',
      one: 'Midi',
      many: ['A', 'A'],
      short: 'x'.repeat(201),
      long: 'y'.repeat(4001),
      nope: 1,
    } as never);
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.errors.map((e) => e.field).sort();
    expect(fields).toEqual(
      ['answers.long', 'answers.many', 'answers.nope', 'answers.one', 'answers.scale', 'answers.short', 'answers.yes'].sort(),
    );
    expect(checkAnswers(questions, {})).toEqual({
      ok: false,
      errors: [{ field: 'answers.scale', message: 'this question requires an answer' }],
    });
    expect(checkAnswers(questions, { scale: 2.5 }).ok).toBe(false);
  });
});

describe('results: counts, distributions with zeros, means, texts, names only where not anonymous', () => {
  const rows: ResponseRow[] = [
    { answers: { scale: 5, yes: true, many: ['A', 'B'], long: 'Très utile' }, submittedAt: new Date('2026-03-02T09:00:00Z'), respondent: { userId: 'u1', name: 'Awa' } },
    { answers: { scale: 2, yes: false, one: 'Matin', long: '<b>pas</b> clair' }, submittedAt: new Date('2026-03-10T09:00:00Z'), respondent: { userId: 'u2', name: 'Yann' } },
    { answers: { scale: 4 }, submittedAt: new Date('2026-03-11T09:00:00Z'), respondent: { userId: 'u3', name: 'Lou' } },
  ];

  it('aggregates every kind of question', () => {
    const [scale, yes, one, many, short, long] = questionResults(questions, rows, 'participants');
    expect(scale).toMatchObject({ answered: 3, skipped: 0, mean: 3.67 });
    expect(scale.distribution).toEqual([
      { value: '1', count: 0 },
      { value: '2', count: 1 },
      { value: '3', count: 0 },
      { value: '4', count: 1 },
      { value: '5', count: 1 },
    ]);
    expect(yes.distribution).toEqual([
      { value: 'yes', count: 1 },
      { value: 'no', count: 1 },
    ]);
    expect(one.distribution).toEqual([
      { value: 'Matin', count: 1 },
      { value: 'Soir', count: 0 },
    ]);
    expect(many.distribution.map((d) => d.count)).toEqual([1, 1, 0]);
    expect(short).toMatchObject({ answered: 0, skipped: 3, texts: [], named: [] });
    // Text stays text, newest first; this question is not anonymous: the pilot sees who wrote what.
    expect(long.texts).toEqual(['<b>pas</b> clair', 'Très utile']);
    expect(long.named).toEqual([
      { userId: 'u2', name: 'Yann', value: '<b>pas</b> clair' },
      { userId: 'u1', name: 'Awa', value: 'Très utile' },
    ]);
    expect(scale.named).toEqual([]);
  });

  it('never names anyone for the public, even on a question marked not anonymous', () => {
    const long = questionResults(questions, rows, 'public')[5];
    expect(long).toMatchObject({ anonymous: true, named: [] });
  });

  it('puts the questions of each criterion side by side, criteria without questions included', () => {
    const results = questionResults(questions, rows, 'participants');
    expect(
      byCriterion([{ id: 'load', name: 'Charge' }, { id: 'errors', name: 'Erreurs' }], results).map((c) => [
        c.criterionName,
        c.questions.map((q) => q.questionId),
      ]),
    ).toEqual([
      ['Charge', ['scale', 'many']],
      ['Erreurs', []],
    ]);
  });

  it('groups a pulse by week (Monday, Paris) with the scales’ means, and computes the response rate', () => {
    expect(weekStart(new Date('2026-03-08T22:30:00Z'), 'Europe/Paris')).toBe('2026-03-02'); // Sunday 23:30 Paris
    expect(weekStart(new Date('2026-03-08T23:30:00Z'), 'Europe/Paris')).toBe('2026-03-09'); // Monday 00:30 Paris
    expect(overTime(questions, rows, 'Europe/Paris')).toEqual([
      { periodStart: '2026-03-02', responses: 1, scaleMeans: { scale: 5 } },
      { periodStart: '2026-03-09', responses: 2, scaleMeans: { scale: 3 } },
    ]);
    expect(responseRate(3, 4)).toBe(0.75);
    expect(responseRate(2, 3)).toBe(0.667);
    expect(responseRate(3, null)).toBeNull();
    expect(responseRate(0, 0)).toBeNull();
  });
});

describe('windows follow the test', () => {
  const facts = (extra: Partial<WindowFacts> = {}): WindowFacts => ({
    state: 'running',
    launchedAt: '2026-03-01T10:00:00.000Z',
    expiresAt: '2026-04-30T21:59:59.999Z',
    stoppedAt: null,
    evaluationDueAt: null,
    evaluationSubmittedAt: null,
    closedAt: null,
    ...extra,
  });
  const published = '2026-03-05T08:00:00.000Z';

  it('a pulse runs from publication (or launch) to the stop; unknown before the launch', () => {
    expect(resolveWindow({ kind: 'run' }, facts(), published)).toEqual({ opensAt: published, closesAt: '2026-04-30T21:59:59.999Z' });
    expect(resolveWindow({ kind: 'run' }, facts({ stoppedAt: '2026-04-01T12:00:00.000Z' }), published).closesAt).toBe('2026-04-01T12:00:00.000Z');
    expect(resolveWindow({ kind: 'run' }, facts({ launchedAt: null, state: 'draft' }), published)).toEqual({ opensAt: null, closesAt: null });
  });

  it('an evaluation survey runs from the stop to the submission or the due date', () => {
    const stopped = facts({ stoppedAt: '2026-04-30T21:59:59.999Z', evaluationDueAt: '2026-05-30T21:59:59.999Z' });
    expect(resolveWindow({ kind: 'evaluation' }, stopped, published)).toEqual({
      opensAt: '2026-04-30T21:59:59.999Z',
      closesAt: '2026-05-30T21:59:59.999Z',
    });
    expect(
      resolveWindow({ kind: 'evaluation' }, { ...stopped, evaluationSubmittedAt: '2026-05-10T08:00:00.000Z' }, published).closesAt,
    ).toBe('2026-05-10T08:00:00.000Z');
  });

  it('a custom window of participants waits for the launch; every window ends with the test', () => {
    const custom = { kind: 'custom' as const, opensAt: '2026-02-01T00:00:00.000Z', closesAt: '2026-06-01T00:00:00.000Z' };
    expect(resolveWindow(custom, facts({ launchedAt: null }), published, 'participants').opensAt).toBeNull();
    expect(resolveWindow(custom, facts({ launchedAt: null }), published, 'public').opensAt).toBe(published);
    expect(resolveWindow(custom, facts({ closedAt: '2026-05-01T00:00:00.000Z' }), published).closesAt).toBe('2026-05-01T00:00:00.000Z');
  });

  it('reminds at J-3 at the reminder hour in the zone, participants only, inside the window only', () => {
    const window = { opensAt: '2026-03-01T10:00:00.000Z', closesAt: '2026-04-30T21:59:59.999Z' };
    expect(reminderAt('participants', window, 9, 'Europe/Paris')).toBe('2026-04-27T07:00:00.000Z');
    expect(reminderAt('public', window, 9, 'Europe/Paris')).toBeNull();
    expect(reminderAt('participants', { ...window, opensAt: '2026-04-29T10:00:00.000Z' }, 9, 'Europe/Paris')).toBeNull();
    expect(canBuildQuestionnaireIn('run', 'evaluating')).toBe(false);
    expect(canBuildQuestionnaireIn('evaluation', 'evaluating')).toBe(true);
  });
});

describe('shapes at the edge', () => {
  const base = {
    experimentId: '6f1c2a7e-1d2b-4c3d-9e4f-5a6b7c8d9e0f',
    title: 'Pulse de mi-parcours',
    audience: 'participants',
    questions: [{ kind: 'scale', label: 'Le classeur vous aide-t-il ?' }],
  };

  it('fills defaults and refuses options where they do not belong, naming the field', () => {
    const parsed = createQuestionnaireSchema.parse(base);
    expect(parsed.window).toEqual({ kind: 'run' });
    expect(parsed.questions[0]).toMatchObject({ required: false, anonymous: true, options: [], criterionId: null });
    const bad = createQuestionnaireSchema.safeParse({
      ...base,
      questions: [{ kind: 'singleChoice', label: 'Quand ?', options: ['Matin'] }, { kind: 'yesNo', label: 'Oui ?', options: ['x'] }],
      window: { kind: 'custom', opensOn: '2026-05-02', closesOn: '2026-05-01' },
    });
    expect(bad.success).toBe(false);
    const paths = bad.success ? [] : bad.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['questions.0.options', 'questions.1.options', 'window.closesOn']));
  });

  it('a public answer needs a sane browser token', () => {
    expect(publicAnswerSchema.safeParse({ token: 'short', answers: {} }).success).toBe(false);
    expect(publicAnswerSchema.safeParse({ token: 'a'.repeat(16), answers: { q: 3 } }).success).toBe(true);
    expect(publicAnswerSchema.safeParse({ token: 'a'.repeat(16), answers: { q: { nested: 1 } } }).success).toBe(false);
  });

  it('codes are short, unambiguous, and every new reason has a message', () => {
    const code = publicCodeFrom(Array.from({ length: 16 }, (_, i) => i * 37));
    expect(code).toMatch(PUBLIC_CODE_PATTERN);
    for (const c of ['QUESTIONNAIRE_CLOSED', 'QUESTIONNAIRE_NOT_OPEN', 'TOO_MANY_ANSWERS', 'QUESTIONNAIRE_WRONG_AUDIENCE'])
      expect(ERROR_CODES).toContain(c);
    expect(errorMessage('QUESTIONNAIRE_CLOSED', { closedAt: null })).toMatch(/closed/);
    expect(FORBIDDEN_ACTIONS).toContain('answerQuestionnaire');
  });
});
