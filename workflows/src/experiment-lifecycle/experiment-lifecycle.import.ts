import { patched } from '@temporalio/workflow';
import type { ExperimentLifecycleInput } from './experiment-lifecycle.messages';

/** Patch id: a test imported from a spreadsheet starts in its state, carried by the import. */
export const IMPORTED_START = 'imported-start';

/**
 * An imported test (issue 16, item 3) starts with the state the import built from its row,
 * as a continued workflow does. Unlike a continued one, its reminders already past were never
 * due in this system: they are dropped, not sent late; the deadlines past (expiry, overdue
 * evaluation or decision) fire at once, as for a test whose worker was down.
 */
export function startsImported(input: ExperimentLifecycleInput): boolean {
  return input.imported === true && input.carried !== undefined && patched(IMPORTED_START);
}
