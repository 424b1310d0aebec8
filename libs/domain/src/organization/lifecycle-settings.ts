import { INPUT_RULE } from '../validation';
import { z } from 'zod';
import { DEFAULT_TIME_ZONE } from './organization';
import { departementSchema, WORKING_DAY_DURATIONS } from '../calendar/departement';

/**
 * Lifecycle settings of an organisation (DOMAIN.md: "All durations and offsets are
 * organisation settings with the defaults above"). They are read at launch and kept
 * by the experiment's workflow: a later change never alters a running test.
 */
export const lifecycleSettingsSchema = z
  .object({
    timeZone: z.string().min(1),
    /** Longest a test may run, from launch to expiry (extension included). */
    maxDurationDays: z
      .number()
      .int()
      .min(1)
      .max(3 * 365),
    maxExtensions: z.number().int().min(0).max(5),
    /** Days before expiry at which pilots and sponsor are reminded. */
    preExpiryReminderDays: z.array(z.number().int().min(1).max(365)).max(10),
    evaluationDueDays: z.number().int().min(1).max(365),
    /** Days before the evaluation (or decision) due date at which reminders go out. */
    dueReminderDays: z.array(z.number().int().min(1).max(365)).max(10),
    /** After the due date, the sponsor is told at once; the CODIR this many days later. */
    codirEscalationDays: z.number().int().min(1).max(365),
    decisionDueDays: z.number().int().min(1).max(365),
    defaultCheckInCadenceDays: z.number().int().min(1).max(90),
    /** How many check-ins missed in a row before the sponsor is told. */
    missedCheckInsBeforeAlert: z.number().int().min(1).max(10),
    /** Local hour at which reminders are sent. */
    reminderHour: z.number().int().min(0).max(23),
    /** Four-eyes launch: a launch requested by HR or a pilot waits for the sponsor's or a CODIR member's approval. */
    launchApproval: z.boolean(),
    /** Days after a launch request at which the approvers are reminded (the last one reaches the CODIR). */
    launchApprovalReminderDays: z.array(z.number().int().min(1).max(60)).max(10),
    /** INSEE code of the organisation's département: its public holidays (null: national ones). */
    departement: departementSchema.nullable(),
    /**
     * Durations counted in working days instead of calendar days: the evaluation's and the
     * decision's due dates, and the reminders' offsets before a deadline.
     */
    workingDayDurations: z
      .array(z.enum(WORKING_DAY_DURATIONS))
      .max(WORKING_DAY_DURATIONS.length)
      .refine((list) => new Set(list).size === list.length, {
        message: 'each duration once',
        params: INPUT_RULE,
      }),
  })
  .strict();

export type LifecycleSettings = z.infer<typeof lifecycleSettingsSchema>;

export const DEFAULT_LIFECYCLE_SETTINGS: LifecycleSettings = {
  timeZone: DEFAULT_TIME_ZONE,
  maxDurationDays: 365,
  maxExtensions: 1,
  preExpiryReminderDays: [14, 7, 1],
  evaluationDueDays: 30,
  dueReminderDays: [7, 1],
  codirEscalationDays: 14,
  decisionDueDays: 30,
  defaultCheckInCadenceDays: 14,
  missedCheckInsBeforeAlert: 2,
  reminderHour: 9,
  launchApproval: false,
  launchApprovalReminderDays: [2, 5],
  departement: null,
  workingDayDurations: [],
};

/** The organisation's settings over the defaults (stored settings may be partial). */
export function resolveLifecycleSettings(
  stored: Record<string, unknown> | null | undefined,
  timeZone?: string,
): LifecycleSettings {
  const merged = { ...DEFAULT_LIFECYCLE_SETTINGS, ...(stored ?? {}), ...(timeZone ? { timeZone } : {}) };
  return lifecycleSettingsSchema.parse(merged);
}
