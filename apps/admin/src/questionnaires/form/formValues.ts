import type { Question, QuestionKind, QuestionnaireView } from '@capacites/domain';

const CHOICE_KINDS: readonly QuestionKind[] = ['singleChoice', 'multipleChoice'];

/** A question as the form edits it: the options as one text, one per line. */
export interface QuestionValues {
  id?: string;
  kind: QuestionKind;
  label: string;
  help: string;
  required: boolean;
  criterionId: string | null;
  anonymous: boolean;
  optionsText: string;
  minLabel: string;
  maxLabel: string;
}

export interface QuestionnaireValues {
  experimentId?: string;
  title: string;
  intro: string;
  audience: QuestionnaireView['audience'];
  window: { kind: QuestionnaireView['window']['kind']; opensOn?: string | null; closesOn?: string | null };
  questions: QuestionValues[];
}

/** What "Ajouter une question" adds: a scale, the most common kind of a short survey. */
export const newQuestion = (): QuestionValues => ({
  kind: 'scale',
  label: '',
  help: '',
  required: false,
  criterionId: null,
  anonymous: true,
  optionsText: '',
  minLabel: '',
  maxLabel: '',
});

export const emptyQuestionnaire = (experimentId: string): QuestionnaireValues => ({
  experimentId,
  title: '',
  intro: '',
  audience: 'participants',
  window: { kind: 'run' },
  questions: [newQuestion()],
});

/** A saved questionnaire as the form holds it. */
export function toFormValues(
  view: Pick<QuestionnaireView, 'title' | 'intro' | 'audience' | 'window' | 'questions'>,
): QuestionnaireValues {
  return {
    title: view.title,
    intro: view.intro,
    audience: view.audience,
    window:
      view.window.kind === 'custom'
        ? { kind: 'custom', opensOn: view.window.opensOn, closesOn: view.window.closesOn }
        : { kind: view.window.kind },
    questions: view.questions.map((q: Question) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      help: q.help,
      required: q.required,
      criterionId: q.criterionId,
      anonymous: q.anonymous,
      optionsText: q.options.join('\n'),
      minLabel: q.minLabel,
      maxLabel: q.maxLabel,
    })),
  };
}

const lines = (text: unknown): string[] =>
  typeof text === 'string'
    ? text
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
    : [];

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The API's body from the form: only the fields each kind uses (options for choices, end
 * labels for scales), every public question anonymous, no criterion as null.
 */
export function toQuestionnaireBody(values: Partial<QuestionnaireValues>): Record<string, unknown> {
  const audience = values.audience;
  const window = values.window ?? { kind: 'run' };
  const questions = (values.questions ?? []).map((q) => {
    const kind = q.kind;
    return {
      ...(q.id ? { id: q.id } : {}),
      kind,
      label: text(q.label),
      help: text(q.help),
      required: Boolean(q.required),
      criterionId: q.criterionId ? q.criterionId : null,
      anonymous: audience === 'public' ? true : q.anonymous !== false,
      options: CHOICE_KINDS.includes(kind) ? lines(q.optionsText) : [],
      minLabel: kind === 'scale' ? text(q.minLabel) : '',
      maxLabel: kind === 'scale' ? text(q.maxLabel) : '',
    };
  });
  return {
    ...(values.experimentId ? { experimentId: values.experimentId } : {}),
    title: text(values.title),
    intro: text(values.intro),
    audience,
    window:
      window.kind === 'custom'
        ? { kind: 'custom', opensOn: window.opensOn || undefined, closesOn: window.closesOn || undefined }
        : { kind: window.kind },
    questions,
  };
}
