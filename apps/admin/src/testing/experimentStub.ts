import type { ExperimentCriteriaResponse } from '@capacites/domain';
import type { Experiment } from '../experiments';

const ORGANIZATION = '11111111-1111-4111-8111-111111111111';
const PILOT = '22222222-2222-4222-8222-222222222222';
const SPONSOR = '33333333-3333-4333-8333-333333333333';
const MEMBER = '44444444-4444-4444-8444-444444444444';

/** The people and organisation of the stubs (HR and admin are not in the experiments). */
export const stubIds = {
  organization: ORGANIZATION,
  pilot: PILOT,
  sponsor: SPONSOR,
  member: MEMBER,
  hr: '66666666-6666-4666-8666-666666666666',
  admin: '77777777-7777-4777-8777-777777777777',
} as const;

const base: Experiment = {
  id: '55555555-5555-4555-8555-555555555555',
  organizationId: ORGANIZATION,
  trackId: null,
  title: 'Classeur médical partagé',
  hypothesis: 'Un classeur partagé permet aux auxiliaires d’administrer les médicaments en autonomie.',
  hypothesisNeedsRevision: false,
  vision: 'Des équipes autonomes',
  scope: 'Deux crèches volontaires',
  state: 'draft',
  criteria: [],
  pilotIds: [],
  sponsorId: null,
  participants: [],
  checkInCadenceDays: null,
  exitPlan: { pilotWithdrawal: '', takeover: '' },
  expiresAt: null,
  iteration: 1,
  parentId: null,
  childExperimentId: null,
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
};

/** Named experiment stubs for the component tests. */
export const experimentStub = {
  emptyDraft: (): Experiment => ({ ...base }),
  readyDraft: (expiresAt = '2026-03-12T22:59:59.999Z'): Experiment => ({
    ...base,
    criteria: [
      {
        id: 'errors',
        name: "Erreurs d'administration",
        method: 'Relevé mensuel',
        target: '0',
        coBuiltWithUsers: true,
      },
    ],
    pilotIds: [PILOT],
    sponsorId: SPONSOR,
    participants: [{ userId: MEMBER, consentedAt: '2026-01-06T09:00:00.000Z' }],
    checkInCadenceDays: 14,
    exitPlan: { pilotWithdrawal: 'Fin du trimestre', takeover: 'La puéricultrice référente' },
    expiresAt,
  }),
  running: (expiresAt = '2026-03-12T22:59:59.999Z'): Experiment => ({
    ...experimentStub.readyDraft(expiresAt),
    state: 'running',
    launchedAt: '2026-01-10T10:00:00.000Z',
  }),
  evaluating: (evaluationDueAt: string): Experiment => ({
    ...experimentStub.readyDraft(),
    state: 'evaluating',
    stoppedAt: '2026-02-01T10:00:00.000Z',
    evaluationDueAt,
  }),
};

/** What GET /experiments/:id/criteria answers for an experiment amended once after launch. */
export const criteriaStub = {
  amendedOnce: (experiment: Experiment): ExperimentCriteriaResponse => {
    const atLaunch = experiment.criteria ?? [];
    const current = [
      { ...atLaunch[0], target: '2 au plus' },
      {
        id: 'calm',
        name: 'Sérénité des équipes',
        method: 'Entretiens',
        target: '',
        coBuiltWithUsers: false,
      },
    ];
    return {
      experimentId: experiment.id,
      atLaunch,
      current,
      amendments: [
        {
          id: '99999999-9999-4999-8999-999999999999',
          amendedAt: '2026-01-20T09:30:00.000Z',
          amendedBy: PILOT,
          reason: 'Zéro erreur est hors de portée ; la sérénité compte aussi.',
          previous: atLaunch,
          criteria: current,
        },
      ],
    };
  },
};
