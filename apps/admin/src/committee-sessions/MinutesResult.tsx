import { Chip, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { HttpError, useLocaleState, useTranslate } from 'react-admin';
import { apiErrorMessage } from '../dataProvider';
import type { CommitteeSession } from './types';

/** What the minutes recorded, item by item, with each refusal said in the user's language. */
export const MinutesResult = ({ session }: { session: CommitteeSession }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <Stack spacing={1} data-testid="minutes-result">
      <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('app.committee.minutes.present')}
      </Typography>
      <p>{session.attendees.map((a) => (a.role ? `${a.name} (${a.role})` : a.name)).join(', ')}</p>
      <List dense>
        {session.items.map((item, i) => (
          <ListItem key={item.id} data-outcome={item.outcome} disableGutters>
            <ListItemText
              primary={
                <>
                  {i + 1}. {item.experimentTitle} · {translate(`app.committee.kinds.${item.kind}`)}{' '}
                  <Chip
                    size="small"
                    variant="outlined"
                    label={translate(`app.committee.outcomes.${item.outcome}`)}
                    sx={{ ml: 1 }}
                  />
                </>
              }
              secondary={
                item.refusal
                  ? translate('app.committee.minutes.refusedBecause', {
                      reason: apiErrorMessage(new HttpError('', 409, item.refusal), translate, locale),
                    })
                  : item.decision
                    ? `${translate(`app.outcomes.${item.decision.outcome}`)} : ${item.decision.rationale}`
                    : item.action
                      ? translate(`app.committee.actions.${item.action}`)
                      : undefined
              }
            />
          </ListItem>
        ))}
      </List>
    </Stack>
  );
};
