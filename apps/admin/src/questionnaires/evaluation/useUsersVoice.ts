import type { UsersVoiceSummary } from '@capacites/domain';
import { useQuery } from '@tanstack/react-query';
import { questionnairesApi } from '../api';

/**
 * What the questionnaires say about a test (GET /experiments/:id/users-voice). `settled`
 * once answered or refused: a form waiting for it still opens, without the pre-fill, when
 * it cannot be read (a reader without access to results, the API down).
 */
export function useUsersVoice(
  experimentId: string,
  enabled: boolean,
): { data: UsersVoiceSummary | null; settled: boolean } {
  const query = useQuery({
    queryKey: ['questionnaires', 'users-voice', experimentId],
    queryFn: () => questionnairesApi.usersVoice(experimentId),
    enabled,
    retry: false,
  });
  if (!enabled) return { data: null, settled: true };
  return { data: query.data ?? null, settled: !query.isPending };
}
