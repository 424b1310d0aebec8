import { z } from 'zod';
import { criterionSchema, expiryDateSchema } from './framing';
import {
  HANDOVER_REQUIRED,
  hasRequiredHandover,
  hasUsersVoice,
  USERS_VOICE_REQUIRED,
} from './lifecycle-rules';

/**
 * Inputs of the lifecycle actions, validated at the API edge. The workflow checks again the
 * rules that are more than a shape (lifecycle-rules.ts) and those that depend on its state.
 */

const text = (name: string, max = 4000) =>
  z
    .string({ message: `${name} is required` })
    .trim()
    .min(1, { message: `${name} is required` })
    .max(max, {
      message: `${name} must have at most ${max} characters`,
    });

export const WEATHERS = ['sunny', 'cloudy', 'stormy'] as const;
export type Weather = (typeof WEATHERS)[number];

export const checkInSchema = z
  .object({
    weather: z.enum(WEATHERS, { message: 'weather must be sunny, cloudy or stormy' }),
    progress: text('progress'),
    blockers: z.string().trim().max(4000).default(''),
  })
  .strict();
export type CheckInInput = z.infer<typeof checkInSchema>;

export const extensionRequestSchema = z
  .object({
    /** The new expiry date (YYYY-MM-DD), the end of that day in the organisation's time zone. */
    newExpiryDate: expiryDateSchema('newExpiryDate'),
    justification: text('justification'),
  })
  .strict();
export type ExtensionRequestInput = z.infer<typeof extensionRequestSchema>;

export const reasonSchema = z.object({ reason: text('reason', 2000) }).strict();
export type ReasonInput = z.infer<typeof reasonSchema>;

export const optionalReasonSchema = z.object({ reason: z.string().trim().max(2000).optional() }).strict();

export const VERDICTS = ['confirmed', 'partly_confirmed', 'refuted', 'inconclusive'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * The evaluation's shape, what the API's edge validates (400). Whether the users' voice is
 * there is a lifecycle rule the API refuses with 409 USERS_VOICE_REQUIRED (the OpenAPI
 * document cannot express it); the back-office's form checks it too (evaluationSchema).
 */
export const evaluationBodySchema = z
  .object({
    verdict: z.enum(VERDICTS, {
      message: 'verdict must be confirmed, partly_confirmed, refuted or inconclusive',
    }),
    criterionResults: z
      .array(
        z
          .object({
            criterionId: z.string().min(1),
            result: text('result', 2000),
            met: z.boolean().nullable().default(null),
          })
          .strict(),
      )
      .max(50),
    usersVoice: z
      .object({
        /** Interviews, questionnaires, testimonies… */
        sources: z.array(z.string().trim().min(1).max(200)).max(20).default([]),
        count: z.number().int().min(0).max(100000).default(0),
        /** Required when no user was heard: why. */
        noneReason: z.string().trim().max(2000).default(''),
      })
      .strict(),
    learnings: text('learnings', 8000),
  })
  .strict();
export const evaluationSchema = evaluationBodySchema.refine((e) => hasUsersVoice(e.usersVoice), {
  message: USERS_VOICE_REQUIRED,
  path: ['usersVoice'],
});
export type EvaluationInput = z.infer<typeof evaluationBodySchema>;

export const OUTCOMES = ['iterate', 'perpetuate', 'abandon'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/**
 * The decision's shape, what the API's edge validates (400). The handover a perpetuation needs
 * is a lifecycle rule the API refuses with 409 HANDOVER_REQUIRED; the back-office's form checks
 * it too (decisionSchema).
 */
export const decisionBodySchema = z
  .object({
    outcome: z.enum(OUTCOMES, { message: 'outcome must be iterate, perpetuate or abandon' }),
    rationale: text('rationale'),
    /** Perpetuate: the handover (when the pilot withdraws, who takes over). */
    handover: z
      .object({
        pilotWithdrawal: text('handover.pilotWithdrawal', 2000),
        takeover: text('handover.takeover', 2000),
      })
      .strict()
      .optional(),
    /** Iterate: what the next iteration tests (another aspect, service or scale). */
    nextFocus: z.string().trim().max(2000).optional(),
  })
  .strict();
export const decisionSchema = decisionBodySchema.refine(hasRequiredHandover, {
  message: HANDOVER_REQUIRED,
  path: ['handover'],
});
export type DecisionInput = z.infer<typeof decisionBodySchema>;

export const criteriaAmendmentSchema = z
  .object({ criteria: z.array(criterionSchema).min(1).max(50), reason: text('reason', 2000) })
  .strict();
export type CriteriaAmendmentInput = z.infer<typeof criteriaAmendmentSchema>;
