import { DataCipher, loadDataKeys } from '@capacites/config';
import type { ApiConfig } from '../config/api.config';

/** The application's DataCipher (libs/config/src/data-encryption.ts): secrets kept in PostgreSQL. */
export const DATA_CIPHER = Symbol('DATA_CIPHER');

/** Throws in production without DATA_ENCRYPTION_KEYS[_FILE]: the API refuses to start. */
export function dataCipherOf(config: ApiConfig): DataCipher {
  return new DataCipher(loadDataKeys(config));
}
