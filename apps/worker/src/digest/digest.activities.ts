import type { DigestActivities } from '@capacites/workflows';
import type { DigestService } from './digest.service';

/** The digest Schedule's activities over the injected service. */
export function createDigestActivities(digest: DigestService): DigestActivities {
  return {
    planDigest: (input) => digest.plan(input),
    sendDigest: (input) => digest.send(input),
  };
}
