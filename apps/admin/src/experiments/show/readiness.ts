import {
  readinessChecklist,
  resolveLifecycleSettings,
  type ExperimentFraming,
  type LifecycleSettings,
  type ReadinessItem,
} from '@capacites/domain';
import type { Experiment } from '../types';

/** The framing the API sends to the workflow at launch, read from the experiment record. */
export function framingOf(experiment: Experiment): ExperimentFraming {
  return {
    title: experiment.title,
    hypothesis: experiment.hypothesis,
    // A new iteration's hypothesis is copied from its parent: launch waits until its text is revised.
    hypothesisToRevise: Boolean(experiment.hypothesisNeedsRevision),
    scope: experiment.scope,
    criteria: experiment.criteria ?? [],
    pilotIds: experiment.pilotIds ?? [],
    sponsorId: experiment.sponsorId ?? null,
    participants: experiment.participants ?? [],
    expiresAt: experiment.expiresAt,
    checkInCadenceDays: experiment.checkInCadenceDays ?? null,
    exitPlan: experiment.exitPlan ?? { pilotWithdrawal: '', takeover: '' },
  };
}

/**
 * The launch checklist, with the very rule the API applies (@capacites/domain), over
 * the organisation's settings when the API gives them, the defaults otherwise.
 */
export function experimentReadiness(
  experiment: Experiment,
  organization: { settings?: Record<string, unknown> | null; timeZone?: string } | undefined,
  now: Date,
): { items: ReadinessItem[]; settings: LifecycleSettings } {
  let settings: LifecycleSettings;
  try {
    settings = resolveLifecycleSettings(organization?.settings ?? null, organization?.timeZone);
  } catch {
    settings = resolveLifecycleSettings(null);
  }
  return { items: readinessChecklist(framingOf(experiment), settings, now), settings };
}
