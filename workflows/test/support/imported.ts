import { randomUUID } from 'node:crypto';
import type { ExperimentState } from '@capacites/domain';
import type { LifecycleData } from '../../src/experiment-lifecycle/experiment-lifecycle.messages';
import { DAY, people, readyFraming, settingsStub } from './stubs';

/**
 * The state a spreadsheet import hands to a test's workflow (apps/worker ImportRunner builds
 * the same from a row): launched `launchedDaysAgo` before `now`, expiring `expiresInDays` after.
 */
export function importedDataStub(
  now: number,
  state: ExperimentState,
  options: { launchedDaysAgo: number; expiresInDays: number; evaluationDueInDays?: number },
): LifecycleData {
  const framing = readyFraming(now, options.expiresInDays);
  const expiresAt = new Date(now + options.expiresInDays * DAY).toISOString();
  const stopped = state !== 'running' && state !== 'draft';
  return {
    experimentId: randomUUID(),
    organizationId: randomUUID(),
    createdBy: people.hr,
    state,
    version: 0,
    settings: settingsStub,
    framing,
    criteriaAtLaunch: framing.criteria,
    amendments: [],
    launchedAt: new Date(now - options.launchedDaysAgo * DAY).toISOString(),
    expiresAt,
    originalExpiresAt: expiresAt,
    extensionsUsed: 0,
    pendingExtension: null,
    checkInCadenceDays: 14,
    // The import restarts the cadence when the last check-in is older than a period.
    lastCheckInAt: new Date(now).toISOString(),
    checkInCount: 0,
    missedCheckIns: 0,
    stoppedAt: stopped ? expiresAt : null,
    stopKind: stopped ? 'expired' : null,
    evaluationDueAt:
      options.evaluationDueInDays !== undefined
        ? new Date(now + options.evaluationDueInDays * DAY).toISOString()
        : null,
    evaluationSubmittedAt: null,
    verdict: null,
    decisionDueAt: null,
    outcome: null,
    childExperimentId: null,
    handledEvents: [],
    algeco: false,
  };
}
