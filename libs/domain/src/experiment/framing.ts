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

export const participantSchema = z
  .object({
    userId: z.uuid(),
    /** When the participant agreed to take part; null while not yet. */
    consentedAt: z.iso.datetime().nullable().default(null),
  })
  .strict();
export type Participant = z.infer<typeof participantSchema>;

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
    .refine((date) => date >= '2000-01-01' && date <= '2999-12-31', {
      message: `${field} must be between 2000-01-01 and 2999-12-31`,
    });

/** The framing of an experiment as the workflow receives it at launch. */
export interface ExperimentFraming {
  title: string;
  hypothesis: string;
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
