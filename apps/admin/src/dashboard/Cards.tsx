import { EXPERIMENT_STATES } from '@capacites/domain';
import { Box, Chip, List, ListItem, ListItemText, Typography } from '@mui/material';
import { Link, useCreatePath, useGetList, useLocaleState, useTranslate } from 'react-admin';
import { SectionCard, type SectionCardProps } from '../a11y/SectionCard';
import type { Experiment } from '../experiments';
import { stateChipSx, stateLabelKey } from '../experiments/states';
import { formattingLocale } from '../i18n';
import type { DashboardData } from './types';

/** A titled card of the dashboard; its heading names the region. */
export const DashboardCard = (props: SectionCardProps) => <SectionCard {...props} sx={{ height: '100%' }} />;

export const StateCounts = ({ byState }: Pick<DashboardData, 'byState'>) => {
  const translate = useTranslate();
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
      {EXPERIMENT_STATES.map((state) => {
        return (
          <Chip
            key={state}
            sx={stateChipSx(state)}
            data-state-count={state}
            label={`${translate(stateLabelKey(state))} : ${byState[state] ?? 0}`}
          />
        );
      })}
    </Box>
  );
};

const useShowPath = () => {
  const createPath = useCreatePath();
  return (id: string) => createPath({ resource: 'experiments', id, type: 'show' });
};

export const ExpiringSoon = ({ expiringSoon }: Pick<DashboardData, 'expiringSoon'>) => {
  const translate = useTranslate();
  const show = useShowPath();
  if (expiringSoon.items.length === 0)
    return <Typography color="text.secondary">{translate('app.events.empty')}</Typography>;
  return (
    <List dense>
      {expiringSoon.items.map((item) => (
        <ListItem key={item.id} disableGutters>
          <ListItemText
            primary={<Link to={show(item.id)}>{item.title}</Link>}
            secondary={translate('app.countdown.left', { days: item.daysLeft })}
          />
        </ListItem>
      ))}
    </List>
  );
};

export const Overdue = ({ overdue }: Pick<DashboardData, 'overdue'>) => {
  const translate = useTranslate();
  const show = useShowPath();
  if (overdue.items.length === 0)
    return <Typography color="text.secondary">{translate('app.events.empty')}</Typography>;
  return (
    <List dense>
      {overdue.items.map((item) => (
        <ListItem key={`${item.id}-${item.kind}`} disableGutters>
          <ListItemText
            primary={<Link to={show(item.id)}>{item.title}</Link>}
            secondary={
              <Box component="span" sx={{ color: 'error.main', fontWeight: 700 }}>
                {translate(`app.countdown.kinds.${item.kind}`)} :{' '}
                {translate('app.countdown.overdue', { smart_count: item.daysOverdue })}
                {item.algeco ? ' — Algeco' : ''}
              </Box>
            }
          />
        </ListItem>
      ))}
    </List>
  );
};

export const EvaluationsOnTime = ({ evaluationsOnTime }: Pick<DashboardData, 'evaluationsOnTime'>) => {
  const translate = useTranslate();
  const { onTime, total, share } = evaluationsOnTime;
  return (
    <Typography variant="h4" component="p">
      {share === null ? '—' : `${Math.round(share * 100)} %`}
      <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 1 }}>
        {translate('app.dashboard.onTimeDetail', { onTime, total })}
      </Typography>
    </Typography>
  );
};

/** The running portfolio as a timeline: one bar per test, from launch to expiry. */
export const Portfolio = ({ portfolio }: Pick<DashboardData, 'portfolio'>) => {
  const translate = useTranslate();
  const show = useShowPath();
  const items = portfolio.items.filter((i) => i.launchedAt && i.expiresAt);
  if (items.length === 0)
    return <Typography color="text.secondary">{translate('app.events.empty')}</Typography>;
  const start = Math.min(...items.map((i) => Date.parse(i.launchedAt ?? '')));
  const end = Math.max(...items.map((i) => Date.parse(i.expiresAt ?? '')), Date.now());
  const span = Math.max(end - start, 1);
  const pct = (t: number) => `${((t - start) / span) * 100}%`;
  const today = pct(Date.now());
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {items.map((item) => {
        const from = Date.parse(item.launchedAt ?? '');
        const to = Date.parse(item.expiresAt ?? '');
        return (
          <Box component="li" key={item.id} sx={{ mb: 1 }}>
            <Link to={show(item.id)}>{item.title}</Link>{' '}
            <Typography component="span" variant="body2" color="text.secondary">
              ({translate(stateLabelKey(item.state))})
            </Typography>
            <Box sx={{ position: 'relative', height: 10, bgcolor: 'grey.200', borderRadius: 1 }} aria-hidden>
              <Box
                sx={{
                  position: 'absolute',
                  left: pct(from),
                  width: `${((to - from) / span) * 100}%`,
                  top: 0,
                  bottom: 0,
                  bgcolor: item.state === 'running' ? 'info.main' : 'warning.main',
                  borderRadius: 1,
                }}
              />
              <Box
                sx={{
                  position: 'absolute',
                  left: today,
                  top: -2,
                  bottom: -2,
                  width: 2,
                  bgcolor: 'text.primary',
                }}
              />
            </Box>
          </Box>
        );
      })}
    </Box>
  );
};

/** The latest decisions, each with its outcome, its day and the next iteration if any. */
export const RecentDecisions = ({ recentDecisions = [] }: Pick<DashboardData, 'recentDecisions'>) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const show = useShowPath();
  if (recentDecisions.length === 0)
    return <Typography color="text.secondary">{translate('app.events.empty')}</Typography>;
  const day = (iso: string) =>
    new Intl.DateTimeFormat(formattingLocale(locale), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(iso));
  return (
    <List dense>
      {recentDecisions.map((decision) => (
        <ListItem key={decision.id} disableGutters data-outcome={decision.outcome}>
          <ListItemText
            primary={<Link to={show(decision.id)}>{decision.title}</Link>}
            secondary={
              <>
                {translate(`app.outcomes.${decision.outcome}`)} · {day(decision.decidedAt)}
                {decision.childExperimentId ? (
                  <>
                    {' · '}
                    <Link to={show(decision.childExperimentId)}>
                      {translate('app.dashboard.nextIteration')}
                    </Link>
                  </>
                ) : null}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
};

/** The latest movements of the portfolio (launches, stops, decisions, new iterations). */
export const RecentExperiments = () => {
  const translate = useTranslate();
  const show = useShowPath();
  const { data } = useGetList<Experiment>('experiments', {
    sort: { field: 'updatedAt', order: 'DESC' },
    pagination: { page: 1, perPage: 8 },
  });
  if (!data || data.length === 0)
    return <Typography color="text.secondary">{translate('app.events.empty')}</Typography>;
  return (
    <List dense>
      {data.map((experiment) => (
        <ListItem key={experiment.id} disableGutters>
          <ListItemText
            primary={<Link to={show(experiment.id)}>{experiment.title}</Link>}
            secondary={`${translate(stateLabelKey(experiment.state))} · ${translate('app.lineage.iteration', { n: experiment.iteration })}`}
          />
        </ListItem>
      ))}
    </List>
  );
};
