import type { CommitteeSessionResponse } from '@capacites/domain';

export type CommitteeSession = CommitteeSessionResponse;
export type SessionItem = CommitteeSessionResponse['items'][number];
