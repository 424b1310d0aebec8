// Aggregates answers into results (issue 14, item 3): pure, shared by the API and its tests.
import type { Criterion } from '../experiment/framing';
import { localDate } from '../experiment/time';
import { answerText } from './answers';
import { SCALE_MAX, SCALE_MIN, type Answers, type Question, type QuestionnaireAudience } from './questionnaire.types';
import type { CriterionQuestions, DistributionEntry, PeriodResult, QuestionResult } from './results.types';

/** One recorded response, as the aggregation needs it. */
export interface ResponseRow {
  answers: Answers;
  submittedAt: Date;
  /** Participants' questionnaires: who answered (null for the public). */
  respondent: { userId: string; name: string } | null;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Per question: counts, distribution, mean for scales, texts listed; names only where the question is not anonymous. */
export function questionResults(
  questions: readonly Question[],
  rows: readonly ResponseRow[],
  audience: QuestionnaireAudience,
): QuestionResult[] {
  // Newest first, so that the texts read as a feed.
  const sorted = [...rows].sort((a, b) => b.submittedAt.getTime() - a.submittedAt.getTime());
  return questions.map((q) => {
    const given = sorted.filter((r) => r.answers[q.id] !== undefined && r.answers[q.id] !== null);
    const counts = new Map<string, number>();
    const bump = (value: string) => counts.set(value, (counts.get(value) ?? 0) + 1);
    let distributionKeys: string[] = [];
    let mean: number | null = null;
    if (q.kind === 'scale') {
      distributionKeys = Array.from({ length: SCALE_MAX - SCALE_MIN + 1 }, (_, i) => String(SCALE_MIN + i));
      const values = given.map((r) => r.answers[q.id] as number);
      values.forEach((v) => bump(String(v)));
      mean = values.length > 0 ? round(values.reduce((a, b) => a + b, 0) / values.length, 2) : null;
    } else if (q.kind === 'yesNo') {
      distributionKeys = ['yes', 'no'];
      given.forEach((r) => bump(r.answers[q.id] === true ? 'yes' : 'no'));
    } else if (q.kind === 'singleChoice' || q.kind === 'multipleChoice') {
      distributionKeys = [...q.options];
      given.forEach((r) => {
        const value = r.answers[q.id];
        (Array.isArray(value) ? value : [String(value)]).forEach(bump);
      });
    }
    const isText = q.kind === 'shortText' || q.kind === 'longText';
    const distribution: DistributionEntry[] = distributionKeys.map((value) => ({ value, count: counts.get(value) ?? 0 }));
    const named =
      audience === 'participants' && !q.anonymous
        ? given.flatMap((r) =>
            r.respondent
              ? [{ userId: r.respondent.userId, name: r.respondent.name, value: answerText(q, r.answers[q.id]) }]
              : [],
          )
        : [];
    return {
      questionId: q.id,
      kind: q.kind,
      label: q.label,
      criterionId: q.criterionId,
      anonymous: audience === 'public' ? true : q.anonymous,
      answered: given.length,
      skipped: rows.length - given.length,
      distribution,
      mean,
      texts: isText ? given.map((r) => String(r.answers[q.id])) : [],
      named,
    };
  });
}

/** The criteria in force, each with the questions tied to it (criteria without any listed with none). */
export function byCriterion<R extends QuestionResult>(
  criteria: readonly Pick<Criterion, 'id' | 'name'>[],
  results: readonly R[],
): (CriterionQuestions & { questions: R[] })[] {
  return criteria.map((c) => ({
    criterionId: c.id,
    criterionName: c.name,
    questions: results.filter((r) => r.criterionId === c.id),
  }));
}

/** The Monday of an instant's week, in the organisation's time zone (YYYY-MM-DD). */
export function weekStart(instant: Date, timeZone: string): string {
  const day = localDate(instant, timeZone);
  const utc = new Date(`${day}T00:00:00Z`);
  const offset = (utc.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(utc.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
}

/** Answers per week with the scales' means: how a pulse moves over the test's run. */
export function overTime(
  questions: readonly Question[],
  rows: readonly ResponseRow[],
  timeZone: string,
): PeriodResult[] {
  const scales = questions.filter((q) => q.kind === 'scale');
  const weeks = new Map<string, ResponseRow[]>();
  for (const row of rows) {
    const key = weekStart(row.submittedAt, timeZone);
    weeks.set(key, [...(weeks.get(key) ?? []), row]);
  }
  return [...weeks.keys()].sort().map((periodStart) => {
    const inWeek = weeks.get(periodStart) ?? [];
    const scaleMeans: Record<string, number | null> = {};
    for (const q of scales) {
      const values = inWeek.map((r) => r.answers[q.id]).filter((v): v is number => typeof v === 'number');
      scaleMeans[q.id] = values.length > 0 ? round(values.reduce((a, b) => a + b, 0) / values.length, 2) : null;
    }
    return { periodStart, responses: inWeek.length, scaleMeans };
  });
}

/** respondents / expected with 3 decimals; null without a known audience size. */
export function responseRate(respondents: number, expected: number | null): number | null {
  if (expected === null || expected <= 0) return null;
  return round(Math.min(1, respondents / expected), 3);
}

/** The `usersVoice` source line of a questionnaire, in French (the evaluation is written in French). */
export function usersVoiceSource(title: string, audience: QuestionnaireAudience, respondents: number): string {
  const who = audience === 'public' ? 'usager·ères' : 'équipe testeuse';
  return `Questionnaire « ${title} » (${who}, ${respondents} réponse${respondents > 1 ? 's' : ''})`.slice(0, 200);
}
