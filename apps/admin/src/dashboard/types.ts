import type { AwaitingLaunchApproval, ExperimentState, OrphanedDashboardItem } from '@capacites/domain';

/** GET /api/dashboard (the API's DashboardResponse). */
export interface DashboardData {
  generatedAt: string;
  byState: Record<ExperimentState, number>;
  byTrack: { trackId: string | null; trackName: string | null; count: number; ongoing: number }[];
  byOrganization: { organizationId: string; organizationName: string; count: number; ongoing: number }[];
  expiringSoon: {
    total: number;
    items: { id: string; title: string; organizationId: string; expiresAt: string; daysLeft: number }[];
  };
  overdue: {
    total: number;
    items: {
      id: string;
      title: string;
      organizationId: string;
      kind: 'evaluation' | 'decision';
      dueAt: string;
      daysOverdue: number;
      algeco: boolean;
    }[];
  };
  outcomesByMonth: { month: string; iterated: number; perpetuated: number; abandoned: number }[];
  evaluationsOnTime: { onTime: number; total: number; share: number | null };
  runningWeather: { sunny: number; cloudy: number; stormy: number; none: number };
  portfolio: {
    total: number;
    items: {
      id: string;
      title: string;
      organizationId: string;
      state: ExperimentState;
      launchedAt: string | null;
      expiresAt: string | null;
      stoppedAt: string | null;
    }[];
  };
  /** The latest decisions, newest first (absent from an API older than this screen). */
  recentDecisions?: {
    id: string;
    title: string;
    organizationId: string;
    outcome: 'iterate' | 'perpetuate' | 'abandon';
    decidedAt: string;
    /** The next iteration, when the decision was to iterate. */
    childExperimentId: string | null;
  }[];
  /** Launches waiting for an approval (four-eyes), oldest first. */
  awaitingLaunchApproval?: { total: number; items: AwaitingLaunchApproval[] };
  /** Tests under way without an active pilot or sponsor. */
  orphaned?: { total: number; items: OrphanedDashboardItem[] };
}
