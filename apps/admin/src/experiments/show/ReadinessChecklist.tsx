import CheckIcon from '@mui/icons-material/CheckCircle';
import MissingIcon from '@mui/icons-material/RadioButtonUnchecked';
import { Alert, List, ListItem, ListItemIcon, ListItemText } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useOrganization } from '../../organizations';
import type { Experiment } from '../types';
import { experimentReadiness } from './readiness';

/** While in draft: what the launch still needs (DOMAIN.md, "draft"). */
export const ReadinessChecklist = ({ experiment, now }: { experiment: Experiment; now?: Date }) => {
  const translate = useTranslate();
  // GET /api/organizations gives the effective settings: the organisation's maximum duration applies.
  const organization = useOrganization(experiment.organizationId);
  const { items, settings } = experimentReadiness(experiment, organization, now ?? new Date());
  const missing = items.filter((item) => !item.ok).length;
  return (
    <>
      <Alert severity={missing === 0 ? 'success' : 'info'} sx={{ mb: 1 }}>
        {missing === 0
          ? translate('app.readiness.ready')
          : translate('app.readiness.missing', { smart_count: missing })}
      </Alert>
      <List dense aria-label={translate('app.sections.readiness')}>
        {items.map((item) => {
          const problem = `app.readiness.problems.${item.key}`;
          return (
            <ListItem key={item.key} data-readiness={item.key} data-ok={item.ok}>
              <ListItemIcon sx={{ minWidth: 36 }}>
                {item.ok ? (
                  <CheckIcon color="success" titleAccess={translate('app.yes')} />
                ) : (
                  <MissingIcon color="action" titleAccess={translate('app.no')} />
                )}
              </ListItemIcon>
              <ListItemText
                primary={translate(`app.readiness.items.${item.key}`, { max: settings.maxDurationDays })}
                secondary={item.ok ? null : translate(problem)}
              />
            </ListItem>
          );
        })}
      </List>
    </>
  );
};
