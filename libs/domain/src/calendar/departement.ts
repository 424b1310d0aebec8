import { z } from 'zod';

/** INSEE code of a département: 01–95 (2A, 2B for Corsica), 971–976 overseas. */
export const departementSchema = z
  .string()
  .regex(
    /^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2A|2B|97[1-46])$/,
    'code de département INSEE (01–95, 2A, 2B, 971–974, 976)',
  );

/**
 * Départements whose public holidays differ from the national ones: Alsace-Moselle adds
 * Good Friday and 26 December; each overseas département its abolition-of-slavery day.
 */
export const DEPARTEMENTS_WITH_LOCAL_HOLIDAYS = [
  '57',
  '67',
  '68',
  '971',
  '972',
  '973',
  '974',
  '976',
] as const;

/** What durations an organisation may count in working days instead of calendar days. */
export const WORKING_DAY_DURATIONS = ['evaluationDue', 'decisionDue', 'reminders'] as const;
export type WorkingDayDuration = (typeof WORKING_DAY_DURATIONS)[number];
