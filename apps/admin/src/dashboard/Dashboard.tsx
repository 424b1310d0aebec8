import { Alert, Box, CircularProgress, Grid, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, type ReactNode } from 'react';
import { Title, useDataProvider, useTranslate } from 'react-admin';
import { apiErrorMessage, type CapacitesDataProvider } from '../dataProvider';
import {
  DashboardCard,
  EvaluationsOnTime,
  ExpiringSoon,
  Overdue,
  Portfolio,
  RecentDecisions,
  RecentExperiments,
  StateCounts,
} from './Cards';
import type { DashboardData } from './types';
import { AwaitingApprovalList } from '../launch-approval';
import { OrphanedList } from '../orphans';

const OutcomesChart = lazy(() => import('./Charts').then((m) => ({ default: m.OutcomesChart })));
const TracksChart = lazy(() => import('./Charts').then((m) => ({ default: m.TracksChart })));
const WeatherChart = lazy(() => import('./Charts').then((m) => ({ default: m.WeatherChart })));

/** The CODIR dashboard: one request, small presentational cards. */
export const Dashboard = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const { data, error, isPending } = useQuery({
    queryKey: ['dashboard'],
    queryFn: () => dataProvider.getDashboard<DashboardData>(),
  });
  // A spinner alone says what it waits for (the theme hides the ones that come with a text).
  const spinner = (size?: number) => (
    <CircularProgress size={size} aria-hidden={false} aria-label={translate('ra.page.loading')} />
  );
  const chart = (node: ReactNode) => <Suspense fallback={spinner(24)}>{node}</Suspense>;
  return (
    <Box sx={{ p: 2 }} data-testid="dashboard">
      <Title title="app.menu.dashboard" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('app.menu.dashboard')}
      </Typography>
      {isPending ? spinner() : null}
      {error ? <Alert severity="error">{apiErrorMessage(error, translate)}</Alert> : null}
      {data ? (
        <Grid container spacing={2}>
          <Grid size={12}>
            <DashboardCard title="app.dashboard.byState" testId="dashboard-states">
              <StateCounts byState={data.byState} />
            </DashboardCard>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <DashboardCard title="app.dashboard.overdue" testId="dashboard-overdue">
              <Overdue overdue={data.overdue} />
            </DashboardCard>
          </Grid>
          {data.awaitingLaunchApproval?.total ? (
            <Grid size={{ xs: 12, md: 6 }}>
              <DashboardCard title="app.dashboard.awaitingLaunchApproval" testId="dashboard-launch-approvals">
                <AwaitingApprovalList awaiting={data.awaitingLaunchApproval} />
              </DashboardCard>
            </Grid>
          ) : null}
          {data.orphaned?.total ? (
            <Grid size={{ xs: 12, md: 6 }}>
              <DashboardCard title="app.dashboard.orphaned" testId="dashboard-orphaned">
                <OrphanedList orphaned={data.orphaned} />
              </DashboardCard>
            </Grid>
          ) : null}
          <Grid size={{ xs: 12, md: 6 }}>
            <DashboardCard title="app.dashboard.expiringSoon">
              <ExpiringSoon expiringSoon={data.expiringSoon} />
            </DashboardCard>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <DashboardCard title="app.dashboard.outcomes" testId="dashboard-outcomes">
              {chart(<OutcomesChart outcomesByMonth={data.outcomesByMonth} />)}
            </DashboardCard>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <DashboardCard title="app.dashboard.byTrack">
              {chart(<TracksChart byTrack={data.byTrack} />)}
            </DashboardCard>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <DashboardCard title="app.dashboard.weather">
              {chart(<WeatherChart runningWeather={data.runningWeather} />)}
            </DashboardCard>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <DashboardCard title="app.dashboard.onTime">
              <EvaluationsOnTime evaluationsOnTime={data.evaluationsOnTime} />
            </DashboardCard>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <DashboardCard title="app.dashboard.recent" testId="dashboard-recent">
              <RecentExperiments />
            </DashboardCard>
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <DashboardCard title="app.dashboard.decisions" testId="dashboard-decisions">
              <RecentDecisions recentDecisions={data.recentDecisions} />
            </DashboardCard>
          </Grid>
          <Grid size={12}>
            <DashboardCard title="app.dashboard.portfolio">
              <Portfolio portfolio={data.portfolio} />
            </DashboardCard>
          </Grid>
        </Grid>
      ) : null}
    </Box>
  );
};
