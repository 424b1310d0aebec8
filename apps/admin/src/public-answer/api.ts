import {
  PUBLIC_CODE_PATTERN,
  type Answers,
  type MyQuestionnaireView,
  type PublicQuestion,
  type PublicQuestionnaireView,
  type QuestionnaireStatus,
} from '@capacites/domain';

/** A participants' questionnaire is addressed by its id; a public one by its short code. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Target = { kind: 'public'; code: string } | { kind: 'participant'; id: string } | null;

/** What /q/<code-or-id> names, or null for anything else (shown as unknown, nothing asked). */
export function targetOf(pathname: string): Target {
  const match = /^\/q\/([^/]+)\/?$/.exec(pathname);
  const key = match?.[1] ?? '';
  if (PUBLIC_CODE_PATTERN.test(key)) return { kind: 'public', code: key };
  if (UUID.test(key)) return { kind: 'participant', id: key.toLowerCase() };
  return null;
}

/** The questionnaire as the page shows it, whichever audience it has. */
export interface AnswerForm {
  title: string;
  intro: string;
  status: Exclude<QuestionnaireStatus, 'draft'>;
  opensAt: string | null;
  closesAt: string | null;
  questions: (PublicQuestion & { anonymous?: boolean })[];
  /** Paragraphs of the notice of what is collected and why (CNIL). */
  notice: string[];
  /** Participants: the answers given so far. */
  previous: { answers: Answers; submittedAt: string; updatedAt: string } | null;
  /** Participants: may answer or change the answer now. The public: while open. */
  canAnswer: boolean;
}

export type Loaded =
  | { kind: 'form'; form: AnswerForm }
  | { kind: 'notFound' }
  | { kind: 'login'; id: string }
  | { kind: 'forbidden' }
  | { kind: 'unavailable' }
  | { kind: 'network' };

/** The API's refusal, as much as the page needs of it. */
export interface Refusal {
  status: number;
  code?: string;
  params?: Record<string, unknown>;
  fields?: { field: string; message: string }[];
}

const JSON_HEADERS = { Accept: 'application/json' };

async function readJson<T>(response: Response): Promise<T | undefined> {
  try {
    return (await response.json()) as T;
  } catch {
    return undefined;
  }
}

export async function loadQuestionnaire(
  target: Target,
  participantNotice: readonly string[],
): Promise<Loaded> {
  if (!target) return { kind: 'notFound' };
  let response: Response;
  try {
    response =
      target.kind === 'public'
        ? await fetch(`/api/public/questionnaires/${target.code}`, {
            headers: JSON_HEADERS,
            credentials: 'omit',
          })
        : await fetch(`/api/questionnaires/${target.id}/my-response`, {
            headers: JSON_HEADERS,
            credentials: 'same-origin',
          });
  } catch {
    return { kind: 'network' };
  }
  if (response.status === 404) return { kind: 'notFound' };
  if (response.status === 401 && target.kind === 'participant') return { kind: 'login', id: target.id };
  if (response.status === 403) return { kind: 'forbidden' };
  if (!response.ok) return { kind: 'unavailable' };
  if (target.kind === 'public') {
    const view = await readJson<PublicQuestionnaireView>(response);
    if (!view) return { kind: 'unavailable' };
    return {
      kind: 'form',
      form: {
        title: view.title,
        intro: view.intro,
        status: view.status,
        opensAt: view.opensAt,
        closesAt: view.closesAt,
        questions: view.questions,
        notice: view.notice.split(/\n\s*\n/).filter(Boolean),
        previous: null,
        canAnswer: view.status === 'open',
      },
    };
  }
  const view = await readJson<MyQuestionnaireView>(response);
  if (!view) return { kind: 'unavailable' };
  const { questionnaire } = view;
  // A draft is never shown to a participant (the API does not ask them before publication).
  if (questionnaire.status === 'draft') return { kind: 'notFound' };
  return {
    kind: 'form',
    form: {
      title: questionnaire.title,
      intro: questionnaire.intro,
      status: questionnaire.status,
      opensAt: questionnaire.opensAt,
      closesAt: questionnaire.closesAt,
      questions: questionnaire.questions,
      notice: [...participantNotice],
      previous: view.response,
      canAnswer: view.canAnswer,
    },
  };
}

export type SendResult = { ok: true; submittedAt: string } | { ok: false; refusal: Refusal | null };

/**
 * Sends the answers: anonymously with the browser's token (public), or as the signed-in
 * participant (the session cookie; the CSRF header the API asks of cookie calls).
 */
export async function sendAnswers(
  target: Exclude<Target, null>,
  answers: Answers,
  token: string,
): Promise<SendResult> {
  let response: Response;
  try {
    response =
      target.kind === 'public'
        ? await fetch(`/api/public/questionnaires/${target.code}/responses`, {
            method: 'POST',
            credentials: 'omit',
            headers: { ...JSON_HEADERS, 'Content-Type': 'application/json' },
            body: JSON.stringify({ token, answers }),
          })
        : await fetch(`/api/questionnaires/${target.id}/my-response`, {
            method: 'PUT',
            credentials: 'same-origin',
            headers: { ...JSON_HEADERS, 'Content-Type': 'application/json', 'X-Capacites-Csrf': '1' },
            body: JSON.stringify({ answers }),
          });
  } catch {
    return { ok: false, refusal: null };
  }
  const body = await readJson<Record<string, unknown>>(response);
  if (response.ok) {
    const submittedAt =
      typeof body?.submittedAt === 'string'
        ? body.submittedAt
        : typeof (body?.response as { updatedAt?: unknown } | undefined)?.updatedAt === 'string'
          ? ((body?.response as { updatedAt: string }).updatedAt as string)
          : new Date().toISOString();
    return { ok: true, submittedAt };
  }
  return {
    ok: false,
    refusal: {
      status: response.status,
      code: typeof body?.code === 'string' ? body.code : undefined,
      params: (body?.params as Record<string, unknown> | undefined) ?? undefined,
      fields: Array.isArray(body?.fields) ? (body.fields as Refusal['fields']) : undefined,
    },
  };
}
