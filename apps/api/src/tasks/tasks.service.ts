import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { MyTask, Principal, TaskKind } from '@capacites/domain';
import { orphanedExperimentCondition } from '@capacites/persistence';

/** Check-ins show up this many days before they are due. */
const CHECK_IN_NOTICE_DAYS = 3;

/**
 * "Mes tâches": what the caller has to do now, computed in one SQL query from the
 * experiments' projection: drafts to frame and launch (pilots), check-ins due (pilots),
 * evaluations due (pilots), decisions to take (sponsor, CODIR), extensions to approve
 * (sponsor), participants' questionnaires open to answer (participants). Overdue first, then
 * by due date.
 */
@Injectable()
export class TasksService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async forUser(principal: Principal): Promise<MyTask[]> {
    const memberOf = [...new Set(principal.memberships.map((m) => m.organizationId))];
    const codirOf = principal.memberships.filter((m) => m.role === 'codir').map((m) => m.organizationId);
    const hrOf = principal.memberships.filter((m) => m.role === 'hr').map((m) => m.organizationId);
    if (memberOf.length === 0) return [];
    const rows: {
      kind: TaskKind;
      experiment_id: string;
      organization_id: string;
      title: string;
      due_at: Date | null;
    }[] = await this.dataSource.query(
      `
      WITH mine AS (
        SELECT * FROM experiments
        WHERE organization_id = ANY($2::uuid[])
          AND ((pilot_ids @> ARRAY[$1::uuid]) OR sponsor_id = $1 OR created_by = $1 OR organization_id = ANY($3::uuid[]))
      )
      SELECT 'launch' AS kind, id AS experiment_id, organization_id, title, NULL::timestamptz AS due_at
        FROM mine WHERE state = 'draft' AND (pilot_ids @> ARRAY[$1::uuid] OR created_by = $1)
          AND launch_requested_at IS NULL
      UNION ALL
      -- A launch waiting for its approval: the sponsor's or a CODIR member's, never the requester's.
      SELECT 'launch-approval', id, organization_id, title, launch_requested_at
        FROM mine
        WHERE state = 'draft' AND launch_requested_at IS NOT NULL
          AND (sponsor_id = $1 OR organization_id = ANY($3::uuid[]))
          AND launch_requested_by IS DISTINCT FROM $1 AND NOT (pilot_ids @> ARRAY[$1::uuid])
      UNION ALL
      SELECT 'check-in', id, organization_id, title,
             COALESCE(last_check_in_at, launched_at) + check_in_cadence_days * interval '1 day'
        FROM mine
        WHERE state = 'running' AND pilot_ids @> ARRAY[$1::uuid] AND check_in_cadence_days IS NOT NULL
          AND COALESCE(last_check_in_at, launched_at) + check_in_cadence_days * interval '1 day'
              <= now() + $4 * interval '1 day'
      UNION ALL
      SELECT 'evaluation', id, organization_id, title, evaluation_due_at
        FROM mine WHERE state = 'evaluating' AND pilot_ids @> ARRAY[$1::uuid]
      UNION ALL
      SELECT 'decision', id, organization_id, title, decision_due_at
        FROM mine WHERE state = 'deciding' AND (sponsor_id = $1 OR organization_id = ANY($3::uuid[]))
      UNION ALL
      -- HR: a test under way whose pilot or sponsor is disabled or gone, to reassign.
      SELECT 'reassignment', e.id, e.organization_id, e.title, NULL::timestamptz
        FROM experiments e
        WHERE e.organization_id = ANY($5::uuid[]) AND ${orphanedExperimentCondition('e')}
      UNION ALL
      SELECT 'extension-approval', m.id, m.organization_id, m.title, m.expires_at
        FROM mine m
        WHERE m.state = 'running' AND m.sponsor_id = $1
          AND (SELECT a.event FROM audit_events a
                WHERE a.experiment_id = m.id
                  AND a.event IN ('extensionRequested', 'extensionApproved', 'extensionRefused')
                ORDER BY a.occurred_at DESC, a.id DESC LIMIT 1) = 'extensionRequested'
      `,
      [principal.userId, memberOf, codirOf, CHECK_IN_NOTICE_DAYS, hrOf],
    );
    const now = Date.now();
    const lifecycle: MyTask[] = rows.map((r) => ({
      id: `${r.kind}:${r.experiment_id}`,
      kind: r.kind,
      experimentId: r.experiment_id,
      organizationId: r.organization_id,
      title: r.title,
      dueAt: r.due_at ? new Date(r.due_at).toISOString() : null,
      overdue:
        r.due_at !== null &&
        new Date(r.due_at).getTime() < now &&
        r.kind !== 'extension-approval' &&
        r.kind !== 'launch-approval',
    }));
    return [...lifecycle, ...(await this.questionnaires(principal.userId, memberOf))].sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.dueAt ?? '9999').localeCompare(b.dueAt ?? '9999') ||
        a.title.localeCompare(b.title),
    );
  }

  /**
   * The participants' questionnaires the caller is asked to answer: open now (the window's end
   * counts even before the workflow closes it), on a test of one of their organisations where
   * they take part and have not withdrawn. Answered ones stay listed, marked so, since the
   * answer may be changed until the questionnaire closes.
   */
  private async questionnaires(userId: string, memberOf: string[]): Promise<MyTask[]> {
    const rows: {
      id: string;
      questionnaire_title: string;
      experiment_id: string;
      organization_id: string;
      title: string;
      closes_at: Date | null;
      answered: boolean;
    }[] = await this.dataSource.query(
      `
      SELECT q.id, q.title AS questionnaire_title, e.id AS experiment_id, e.organization_id, e.title, q.closes_at,
             EXISTS (SELECT 1 FROM questionnaire_responses r
                      WHERE r.questionnaire_id = q.id AND r.respondent_user_id = $1) AS answered
        FROM questionnaires q JOIN experiments e ON e.id = q.experiment_id
       WHERE q.audience = 'participants' AND q.status = 'open'
         AND (q.closes_at IS NULL OR q.closes_at > now())
         AND e.organization_id = ANY($2::uuid[])
         AND e.participants @> jsonb_build_array(jsonb_build_object('userId', CAST($1 AS text)))
         AND EXISTS (SELECT 1 FROM jsonb_array_elements(e.participants) p
                      WHERE p->>'userId' = CAST($1 AS text) AND p->>'withdrawnAt' IS NULL)
      `,
      [userId, memberOf],
    );
    return rows.map((r): MyTask => ({
      id: `questionnaire:${r.id}`,
      kind: 'questionnaire',
      experimentId: r.experiment_id,
      organizationId: r.organization_id,
      title: r.title,
      dueAt: r.closes_at ? new Date(r.closes_at).toISOString() : null,
      // It closes at its date: never overdue, gone once closed.
      overdue: false,
      questionnaire: { id: r.id, title: r.questionnaire_title, answered: r.answered },
    }));
  }
}
