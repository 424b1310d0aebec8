import { ACTIONS_BY_KIND, type MinutesAction } from '@capacites/domain';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';
import { useApiErrorNotify } from '../forms';
import type { CommitteeSession, SessionItem } from './types';

interface Entry {
  action: MinutesAction | '';
  outcome: 'iterate' | 'perpetuate' | 'abandon';
  rationale: string;
  pilotWithdrawal: string;
  takeover: string;
  nextFocus: string;
  comment: string;
}
const blank: Entry = {
  action: '',
  outcome: 'perpetuate',
  rationale: '',
  pilotWithdrawal: '',
  takeover: '',
  nextFocus: '',
  comment: '',
};

/** "Claire Martin (DGS)" → { name, role }. */
const attendee = (line: string) => {
  const match = /^(.*?)\s*\(([^)]*)\)\s*$/.exec(line.trim());
  return match && match[1] ? { name: match[1], role: match[2] } : { name: line.trim() };
};

function body(entry: Entry, item: SessionItem) {
  if (!entry.action) return null;
  const comment = entry.comment.trim() ? { comment: entry.comment.trim() } : {};
  if (entry.action !== 'decide') return { itemId: item.id, action: entry.action, ...comment };
  return {
    itemId: item.id,
    action: 'decide',
    ...comment,
    decision: {
      outcome: entry.outcome,
      rationale: entry.rationale,
      ...(entry.outcome === 'perpetuate'
        ? { handover: { pilotWithdrawal: entry.pilotWithdrawal, takeover: entry.takeover } }
        : {}),
      ...(entry.outcome === 'iterate' && entry.nextFocus.trim() ? { nextFocus: entry.nextFocus.trim() } : {}),
    },
  };
}

/** The relevé de décisions, typed during or after the session by a CODIR member. */
export const MinutesForm = ({ session }: { session: CommitteeSession }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const onError = useApiErrorNotify();
  const refresh = useRefresh();
  const [attendees, setAttendees] = useState('');
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [saving, setSaving] = useState(false);
  const entryOf = (id: string) => entries[id] ?? blank;
  const set = (id: string, change: Partial<Entry>) =>
    setEntries((all) => ({ ...all, [id]: { ...(all[id] ?? blank), ...change } }));

  const record = async () => {
    setSaving(true);
    try {
      const { json } = await httpClient(`${API_URL}/committee-sessions/${session.id}/minutes`, {
        method: 'POST',
        body: JSON.stringify({
          attendees: attendees
            .split('\n')
            .filter((line) => line.trim())
            .map(attendee),
          items: session.items.flatMap((item) => body(entryOf(item.id), item) ?? []),
        }),
      });
      const items = (json as CommitteeSession).items;
      notify('app.committee.minutes.recorded', {
        type: 'info',
        messageArgs: {
          applied: items.filter((i) => i.outcome === 'applied').length,
          refused: items.filter((i) => i.outcome === 'refused').length,
        },
      });
      refresh();
    } catch (error) {
      onError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack
      spacing={2}
      component="form"
      onSubmit={(event) => {
        event.preventDefault();
        void record();
      }}
      noValidate
    >
      <Alert severity="info">{translate('app.committee.minutes.onlyCodir')}</Alert>
      <TextField
        id="minutes-attendees"
        label={translate('app.committee.minutes.attendees')}
        multiline
        minRows={3}
        value={attendees}
        onChange={(event) => setAttendees(event.target.value)}
        sx={{ maxWidth: 700 }}
      />
      {session.items.map((item, i) => {
        const entry = entryOf(item.id);
        const field = (name: keyof Entry, label: string, multiline = false) => (
          <TextField
            id={`minutes-${i}-${name}`}
            label={label}
            value={entry[name]}
            multiline={multiline}
            minRows={multiline ? 2 : undefined}
            onChange={(event) => set(item.id, { [name]: event.target.value } as Partial<Entry>)}
            size="small"
            fullWidth
          />
        );
        return (
          <Box
            key={item.id}
            component="fieldset"
            sx={{ border: '1px solid #929292', borderRadius: 1, p: 2 }}
            data-item={i}
          >
            <Typography component="legend" sx={{ px: 1, fontWeight: 600 }}>
              {i + 1}. {item.experimentTitle} · {translate(`app.committee.kinds.${item.kind}`)}
            </Typography>
            <Stack spacing={1.5} sx={{ maxWidth: 700 }}>
              <TextField
                id={`minutes-${i}-action`}
                select
                label={translate('app.committee.minutes.action', { title: item.experimentTitle })}
                value={entry.action}
                onChange={(event) => set(item.id, { action: event.target.value as Entry['action'] })}
                SelectProps={{ native: true }}
                size="small"
              >
                <option value="">{translate('app.committee.actions.none')}</option>
                {ACTIONS_BY_KIND[item.kind].map((action) => (
                  <option key={action} value={action}>
                    {translate(`app.committee.actions.${action}`)}
                  </option>
                ))}
              </TextField>
              {entry.action === 'decide' ? (
                <>
                  <TextField
                    id={`minutes-${i}-outcome`}
                    select
                    label={translate('app.committee.minutes.outcome')}
                    value={entry.outcome}
                    onChange={(event) => set(item.id, { outcome: event.target.value as Entry['outcome'] })}
                    SelectProps={{ native: true }}
                    size="small"
                  >
                    {(['iterate', 'perpetuate', 'abandon'] as const).map((o) => (
                      <option key={o} value={o}>
                        {translate(`app.outcomes.${o}`)}
                      </option>
                    ))}
                  </TextField>
                  {field('rationale', translate('app.committee.minutes.rationale'), true)}
                  {entry.outcome === 'perpetuate' ? (
                    <>
                      {field('pilotWithdrawal', translate('app.committee.minutes.pilotWithdrawal'))}
                      {field('takeover', translate('app.committee.minutes.takeover'))}
                    </>
                  ) : null}
                  {entry.outcome === 'iterate'
                    ? field('nextFocus', translate('app.committee.minutes.nextFocus'))
                    : null}
                </>
              ) : null}
              {entry.action && entry.action !== 'decide'
                ? field('comment', translate('app.committee.minutes.comment'))
                : null}
            </Stack>
          </Box>
        );
      })}
      <div>
        <Button type="submit" variant="contained" disabled={saving}>
          {translate('app.committee.minutes.record')}
        </Button>
      </div>
    </Stack>
  );
};
