import { parsePayloadKeys, temporalDataConverter } from '@capacites/config';
import type { DataConverter } from '@temporalio/common';

/**
 * The payload key of the recorded encrypted histories (v4-codec): a key for tests only,
 * committed so that the replay test can read what was recorded with it. Never a real one.
 */
export const RECORDED_HISTORY_PAYLOAD_KEYS =
  'recorded-histories:Y2FwYWNpdGVzLXJlY29yZGVkLWhpc3Rvcmllcy1rZXk=';

/** The application's data converter with that key (unencrypted histories pass through). */
export function recordedHistoryDataConverter(): DataConverter {
  return temporalDataConverter(parsePayloadKeys(RECORDED_HISTORY_PAYLOAD_KEYS, 'recorded histories'));
}
