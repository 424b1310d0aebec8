import { z } from 'zod';

/** What a test measures: set before launch, fixed at launch (amendments are recorded). */
export const criterionSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().trim().min(1, { message: 'a criterion needs a name' }).max(300),
    /** How it is measured (questionnaire, interviews, count…). */
    method: z.string().trim().max(2000).default(''),
    target: z.string().trim().max(500).default(''),
    /** Indicator co-built with the test's users, as the source recommends. */
    coBuiltWithUsers: z.boolean().default(false),
  })
  .strict();
export type Criterion = z.infer<typeof criterionSchema>;

/** How a consent collected outside the application reached HR. */
export const CONSENT_METHODS = ['paper', 'email', 'meeting'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/**
 * A consent that the participant gave outside the application (on paper, by email, in a
 * meeting) and that HR entered for them: who entered it, when, how it was collected.
 */
export interface ConsentRecordedOnBehalf {
  recordedBy: string;
  /** ISO instant of the entry. */
  recordedAt: string;
  method: ConsentMethod;
  /** The day the consent was collected (YYYY-MM-DD), never in the future. */
  collectedOn: string;
  note: string;
}

/** A participant as stored and read: consent is written only by the consent acts, never by framing edits. */
export interface Participant {
  userId: string;
  /** When the participant's consent was recorded; null while not yet (or withdrawn). */
  consentedAt: string | null;
  /** Set when HR entered a consent collected outside the application. */
  onBehalf?: ConsentRecordedOnBehalf | null;
  /** Set when the participant withdrew while the test ran: they receive no more of its notices. */
  withdrawnAt?: string | null;
  /** The version of the information notice in force when they gave their consent (privacy). */
  noticeVersion?: string | null;
}

/** Consent is each participant's own act: a framing edit names people, never their consent. */
export const CONSENT_NOT_OWN =
  "consent is the participant's own act: they give it themselves (POST /experiments/:id/consent), or HR records one collected on paper (POST /experiments/:id/consent-records)";

/** A participant as a framing edit names them: the person only. */
export const participantSchema = z
  .object({
    userId: z.uuid(),
    consentedAt: z.never({ error: CONSENT_NOT_OWN }).optional(),
  })
  .strict();
export type ParticipantInput = z.infer<typeof participantSchema>;

/** HR enters a consent collected outside the application, for one participant. */
export const consentOnBehalfSchema = z
  .object({
    participantId: z.uuid({ message: 'participantId must be a UUID' }),
    method: z.enum(CONSENT_METHODS, { message: `method must be one of ${CONSENT_METHODS.join(', ')}` }),
    collectedOn: z.iso.date({ message: 'collectedOn must be a date (YYYY-MM-DD)' }),
    note: z.string().trim().max(2000, { message: 'note must have at most 2000 characters' }).default(''),
  })
  .strict();
export type ConsentOnBehalfInput = z.infer<typeof consentOnBehalfSchema>;


/** Preparing the team's autonomy after the test: when the pilot withdraws, who takes over. */
export const exitPlanSchema = z
  .object({
    pilotWithdrawal: z.string().trim().max(2000).default(''),
    takeover: z.string().trim().max(2000).default(''),
  })
  .strict();
export type ExitPlan = z.infer<typeof exitPlanSchema>;

/**
 * A calendar date (YYYY-MM-DD) that can be a test's expiry: a real date (2031-02-30 is not)
 * within years 2000 to 2999. Earlier or later ones can never be launched (the expiry must be
 * in the future, within the maximum duration), and centuries-old dates fall in local mean
 * times that calendars and time zones handle badly.
 */
export const expiryDateSchema = (field: string) =>
  z.iso
    .date({ message: `${field} must be a date (YYYY-MM-DD)` })
    // A pattern rather than a refinement: the OpenAPI document then says it, and clients
    // (and the fuzzer) generate dates the API accepts.
    .regex(/^2[0-9]{3}-/, { message: `${field} must be between 2000-01-01 and 2999-12-31` });

/** The framing of an experiment as the workflow receives it at launch. */
export interface ExperimentFraming {
  title: string;
  hypothesis: string;
  /** An iteration's hypothesis, copied from its parent, not yet revised: launch waits for it. */
  hypothesisToRevise?: boolean;
  scope: string;
  criteria: Criterion[];
  pilotIds: string[];
  sponsorId: string | null;
  participants: Participant[];
  /** ISO instant: already the end of the local day. */
  expiresAt: string | null;
  checkInCadenceDays: number | null;
  exitPlan: ExitPlan;
}
