import { randomUUID } from 'node:crypto';
import {
  DEFAULT_LIFECYCLE_SETTINGS,
  type ExperimentFraming,
  type LifecycleSettings,
} from '@capacites/domain';
import type { Actor, LaunchRequest } from '../../src/experiment-lifecycle/experiment-lifecycle.messages';

export const DAY = 24 * 60 * 60 * 1000;

export const people = {
  pilot: randomUUID(),
  sponsor: randomUUID(),
  participant: randomUUID(),
  hr: randomUUID(),
};

export const actor = {
  pilot: { userId: people.pilot } as Actor,
  sponsor: { userId: people.sponsor } as Actor,
  hr: { userId: people.hr } as Actor,
};

/** A framing that passes the readiness checklist, expiring `days` days after `now`. */
export function readyFraming(
  now: number,
  days: number,
  overrides: Partial<ExperimentFraming> = {},
): ExperimentFraming {
  return {
    title: 'Classeur médical partagé en crèche',
    hypothesis: 'Un classeur partagé permet aux auxiliaires d’administrer les médicaments en autonomie.',
    scope: 'Deux équipes testeuses volontaires',
    criteria: [
      {
        id: 'errors',
        name: "Erreurs d'administration",
        method: 'Relevé mensuel',
        target: '0',
        coBuiltWithUsers: true,
      },
      {
        id: 'load',
        name: 'Charge de la puéricultrice',
        method: 'Entretiens',
        target: 'En baisse',
        coBuiltWithUsers: false,
      },
    ],
    pilotIds: [people.pilot],
    sponsorId: people.sponsor,
    participants: [{ userId: people.participant, consentedAt: new Date(now).toISOString() }],
    expiresAt: new Date(now + days * DAY).toISOString(),
    checkInCadenceDays: 14,
    exitPlan: { pilotWithdrawal: 'Fin du premier trimestre', takeover: 'La puéricultrice référente' },
    ...overrides,
  };
}

export const settingsStub: LifecycleSettings = { ...DEFAULT_LIFECYCLE_SETTINGS };

export function launchRequest(
  now: number,
  days: number,
  overrides: Partial<ExperimentFraming> = {},
  settings: Partial<LifecycleSettings> = {},
): LaunchRequest {
  return {
    actor: actor.pilot,
    framing: readyFraming(now, days, overrides),
    settings: { ...settingsStub, ...settings },
  };
}

export const evaluationStub = {
  complete: {
    verdict: 'partly_confirmed' as const,
    criterionResults: [
      { criterionId: 'errors', result: 'Aucune erreur en six mois', met: true },
      { criterionId: 'load', result: 'Moins d’appels, plus de relectures', met: null },
    ],
    usersVoice: { sources: ['entretiens', 'questionnaire'], count: 14, noneReason: '' },
    learnings: 'Un outil simple, conçu avec les agent·es, vaut mieux qu’un guide numérique.',
  },
};
