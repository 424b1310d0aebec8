import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isDeepStrictEqual } from 'node:util';
import {
  canReadExperiment,
  checkAnswers,
  isActiveParticipant,
  publicQuestionnaireNotice,
  PUBLIC_CODE_PATTERN,
  type Answers,
  type MyQuestionnaireItem,
  type MyQuestionnaireView,
  type Principal,
  type PublicAnswerReceipt,
  type PublicQuestionnaireView,
  type Question,
  type QuestionnaireStatus,
} from '@capacites/domain';
import type { QuestionnaireEntity } from '@capacites/persistence';
import { accessFacts } from '../experiments/experiment-access';
import { PublicRateLimiter, TooManyRequestsException } from '../security/public-rate-limiter';
import { QuestionnaireLoader } from './questionnaire-loader';
import { QuestionnairesException, TooManyAnswersException } from './questionnaires.exception';

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const publicQuestion = ({ criterionId: _c, anonymous: _a, ...rest }: Question) => rest;

/** Whether a questionnaire takes answers now; the window's end counts even before the workflow closes it. */
function assertOpen(q: Pick<QuestionnaireEntity, 'status' | 'opensAt' | 'closesAt' | 'closedAt'>, now = new Date()) {
  if (q.status === 'closed') throw QuestionnairesException.closed(q.closedAt ?? q.closesAt);
  if (q.status !== 'open') throw QuestionnairesException.notOpen(q.opensAt);
  if (q.closesAt && q.closesAt.getTime() <= now.getTime()) throw QuestionnairesException.closed(q.closesAt);
}

// Written only while the questionnaire is open (checked again in the statement itself, so that
// an answer racing the closing is refused), one row per browser token: a double submit records one.
const PUBLIC_INSERT_SQL = `
  INSERT INTO questionnaire_responses
         (id, questionnaire_id, organization_id, respondent_key, answers, submitted_at, updated_at)
  SELECT $1, q.id, q.organization_id, $3, $4::jsonb, now(), now()
    FROM questionnaires q
   WHERE q.id = $2 AND q.status = 'open' AND (q.closes_at IS NULL OR q.closes_at > now())
  ON CONFLICT (questionnaire_id, respondent_key) WHERE respondent_key IS NOT NULL DO NOTHING
  RETURNING submitted_at AS "submittedAt"`;

// A participant's one response, created or replaced while the questionnaire is open.
const PARTICIPANT_UPSERT_SQL = `
  INSERT INTO questionnaire_responses
         (id, questionnaire_id, organization_id, respondent_user_id, answers, submitted_at, updated_at)
  SELECT $1, q.id, q.organization_id, $3, $4::jsonb, now(), now()
    FROM questionnaires q
   WHERE q.id = $2 AND q.status = 'open' AND (q.closes_at IS NULL OR q.closes_at > now())
  ON CONFLICT (questionnaire_id, respondent_user_id) WHERE respondent_user_id IS NOT NULL
  DO UPDATE SET answers = EXCLUDED.answers, updated_at = now()
  RETURNING id`;

/**
 * Answers: the participants' (with a session: one response each, changed until the window
 * closes) and the public's (no account, anonymous: a hash of the browser's token and nothing
 * else; rate-limited per address, the address never stored).
 */
@Injectable()
export class QuestionnaireAnswersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly loader: QuestionnaireLoader,
    private readonly limiter: PublicRateLimiter,
  ) {}

  // --- participants ------------------------------------------------------------------

  async mine(principal: Principal): Promise<MyQuestionnaireItem[]> {
    const rows: (Omit<MyQuestionnaireItem, 'opensAt' | 'closesAt'> & { opensAt: Date | null; closesAt: Date | null })[] =
      await this.dataSource.query(
        `SELECT q.id, q.experiment_id AS "experimentId", e.title AS "experimentTitle", q.title, q.status,
                q.opens_at AS "opensAt", q.closes_at AS "closesAt",
                EXISTS (SELECT 1 FROM questionnaire_responses r
                         WHERE r.questionnaire_id = q.id AND r.respondent_user_id = $1) AS answered
           FROM questionnaires q JOIN experiments e ON e.id = q.experiment_id
          WHERE q.audience = 'participants' AND q.status <> 'draft'
            AND e.participants @> jsonb_build_array(jsonb_build_object('userId', CAST($1 AS text)))
          ORDER BY q.status = 'open' DESC, q.closes_at ASC NULLS LAST, q.created_at DESC
          LIMIT 500`,
        [principal.userId],
      );
    return rows.map((r) => ({ ...r, opensAt: iso(r.opensAt), closesAt: iso(r.closesAt) }));
  }

  async myResponse(id: string, principal: Principal): Promise<MyQuestionnaireView> {
    const { questionnaire: q, experiment } = await this.participantsQuestionnaire(id, principal);
    const [row]: { answers: Answers; submittedAt: Date; updatedAt: Date }[] = await this.dataSource.query(
      `SELECT answers, submitted_at AS "submittedAt", updated_at AS "updatedAt" FROM questionnaire_responses
        WHERE questionnaire_id = $1 AND respondent_user_id = $2`,
      [id, principal.userId],
    );
    const active = isActiveParticipant(experiment.participants, principal.userId);
    let open = true;
    try {
      assertOpen(q);
    } catch {
      open = false;
    }
    return {
      questionnaire: {
        id: q.id,
        experimentId: q.experimentId,
        title: q.title,
        intro: q.intro,
        status: q.status as QuestionnaireStatus,
        opensAt: iso(q.opensAt),
        closesAt: iso(q.closesAt),
        questions: q.questions.map((question) => ({ ...publicQuestion(question), anonymous: question.anonymous })),
      },
      response: row
        ? { answers: row.answers, submittedAt: row.submittedAt.toISOString(), updatedAt: row.updatedAt.toISOString() }
        : null,
      canAnswer: active && open,
    };
  }

  /** The participant's own act: creates or replaces their one response (idempotent). */
  async answerAsParticipant(id: string, answers: Answers, principal: Principal): Promise<MyQuestionnaireView> {
    const { questionnaire: q, experiment } = await this.participantsQuestionnaire(id, principal);
    if (!isActiveParticipant(experiment.participants, principal.userId))
      throw QuestionnairesException.forbidden('answerQuestionnaire', ['participant']);
    assertOpen(q);
    const checked = checkAnswers(q.questions, answers);
    if (!checked.ok) throw QuestionnairesException.invalid(checked.errors);
    const written: unknown[] = await this.dataSource.query(PARTICIPANT_UPSERT_SQL, [
      randomUUID(),
      id,
      principal.userId,
      JSON.stringify(checked.answers),
    ]);
    if (written.length === 0) await this.refuseClosedNow(id);
    return this.myResponse(id, principal);
  }

  /** A participants' questionnaire, published, of a test the caller reads (404 otherwise). */
  private async participantsQuestionnaire(id: string, principal: Principal) {
    const loaded = await this.loader.byId(id);
    if (
      !loaded ||
      loaded.questionnaire.status === 'draft' ||
      !canReadExperiment(principal, accessFacts(loaded.experiment))
    )
      throw QuestionnairesException.notFound();
    if (loaded.questionnaire.audience !== 'participants')
      throw QuestionnairesException.wrongAudience(loaded.questionnaire.audience);
    return loaded;
  }

  // --- public ------------------------------------------------------------------------

  async publicView(code: string): Promise<PublicQuestionnaireView> {
    const q = await this.byCode(code);
    const status = q.status as PublicQuestionnaireView['status'];
    const closedByTime = status === 'open' && q.closesAt !== null && q.closesAt.getTime() <= Date.now();
    return {
      code,
      title: q.title,
      intro: q.intro,
      organizationName: q.organizationName,
      status: closedByTime ? 'closed' : status,
      opensAt: iso(q.opensAt),
      closesAt: iso(q.closesAt),
      questions: status === 'open' && !closedByTime ? q.questions.map(publicQuestion) : [],
      notice: publicQuestionnaireNotice(q.organizationName),
    };
  }

  async answerPublic(code: string, token: string, answers: Answers, address: string): Promise<PublicAnswerReceipt & { created: boolean }> {
    await this.limiter.consume('answer', address).catch((error: unknown) => {
      throw error instanceof TooManyRequestsException ? new TooManyAnswersException(error.retryAfterSeconds) : error;
    });
    const q = await this.openByCode(code);
    assertOpen(q);
    const checked = checkAnswers(q.questions, answers);
    if (!checked.ok) throw QuestionnairesException.invalid(checked.errors);
    // The token is hashed with the questionnaire: the same browser is not linkable across questionnaires.
    const key = createHash('sha256').update(`${q.id}:${token}`).digest('hex');
    const json = JSON.stringify(checked.answers);
    const inserted: { submittedAt: Date }[] = await this.dataSource.query(PUBLIC_INSERT_SQL, [randomUUID(), q.id, key, json]);
    if (inserted.length > 0) return { submittedAt: inserted[0].submittedAt.toISOString(), duplicate: false, created: true };
    const [existing]: { answers: Answers; submittedAt: Date }[] = await this.dataSource.query(
      `SELECT answers, submitted_at AS "submittedAt" FROM questionnaire_responses
        WHERE questionnaire_id = $1 AND respondent_key = $2`,
      [q.id, key],
    );
    if (!existing) return this.refuseClosedNow(q.id);
    // The same answers again (a double click, a retried request): one answer, and success.
    if (isDeepStrictEqual(existing.answers, JSON.parse(json)))
      return { submittedAt: existing.submittedAt.toISOString(), duplicate: true, created: false };
    throw QuestionnairesException.alreadyAnswered();
  }

  /**
   * An open questionnaire's questions, kept a moment in memory: at 200 answers a second the
   * lookup would be half of the SQL. Safe because published questions never change, only
   * open ones are kept, and the INSERT checks again that it is open (a closing is never missed).
   */
  private async openByCode(code: string) {
    const now = Date.now();
    const cached = this.openCache.get(code);
    if (cached && cached.until > now) return cached.row;
    const row = await this.byCode(code);
    if (row.status === 'open') {
      if (this.openCache.size >= 1000) this.openCache.clear();
      this.openCache.set(code, { row, until: now + 2000 });
    }
    return row;
  }

  private readonly openCache = new Map<string, { row: Awaited<ReturnType<QuestionnaireAnswersService['byCode']>>; until: number }>();

  private async byCode(code: string) {
    if (!PUBLIC_CODE_PATTERN.test(code)) throw QuestionnairesException.notFound();
    const [row]: (QuestionnaireEntity & { organizationName: string })[] = await this.dataSource.query(
      `SELECT q.id, q.title, q.intro, q.status, q.questions, q.opens_at AS "opensAt", q.closes_at AS "closesAt",
              q.closed_at AS "closedAt", o.name AS "organizationName"
         FROM questionnaires q JOIN organizations o ON o.id = q.organization_id
        WHERE q.public_code = $1 AND q.audience = 'public' AND q.status <> 'draft'`,
      [code],
    );
    if (!row) throw QuestionnairesException.notFound();
    return row;
  }

  /** The statement found the questionnaire closed meanwhile: say so. */
  private async refuseClosedNow(id: string): Promise<never> {
    const [row]: { status: string; opensAt: Date | null; closesAt: Date | null; closedAt: Date | null }[] =
      await this.dataSource.query(
        `SELECT status, opens_at AS "opensAt", closes_at AS "closesAt", closed_at AS "closedAt" FROM questionnaires WHERE id = $1`,
        [id],
      );
    if (row) assertOpen({ ...row, closesAt: row.closesAt }, new Date());
    throw QuestionnairesException.closed(row?.closesAt ?? null);
  }
}
