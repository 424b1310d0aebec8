import DeleteIcon from '@mui/icons-material/DeleteOutline';
import DownIcon from '@mui/icons-material/ArrowDownward';
import UpIcon from '@mui/icons-material/ArrowUpward';
import { AGENDA_ITEM_KINDS, type AgendaItemKind, type ExperimentState } from '@capacites/domain';
import {
  Button,
  IconButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Link, useNotify, useRefresh, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';
import { dayToIso, isoToDay, useApiErrorNotify } from '../forms';
import type { CommitteeSession, SessionItem } from './types';

/** The agenda as HR edits it: notes for the committee, items removed; saved in one go. */
export const AgendaEditor = ({ session, editable }: { session: CommitteeSession; editable: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const onError = useApiErrorNotify();
  const refresh = useRefresh();
  const [items, setItems] = useState<SessionItem[]>(session.items);
  const [title, setTitle] = useState(session.title);
  const [heldOn, setHeldOn] = useState(isoToDay(session.heldOn));
  const [saving, setSaving] = useState(false);
  const candidates = useOngoingTests(session.organizationId, editable);
  const setNote = (id: string, note: string) =>
    setItems((all) => all.map((i) => (i.id === id ? { ...i, note } : i)));
  const move = (index: number, by: -1 | 1) =>
    setItems((all) => {
      const next = [...all];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  const add = (test: OngoingTest, kind: AgendaItemKind) =>
    setItems((all) => [
      ...all,
      {
        // A new item gets its id from the API when saved.
        id: `new-${all.length}-${test.id}`,
        experimentId: test.id,
        experimentTitle: test.title,
        experimentState: test.state,
        kind,
        note: '',
        outcome: 'open',
        action: null,
        decision: null,
        comment: null,
        refusal: null,
      },
    ]);
  const save = async () => {
    setSaving(true);
    try {
      await httpClient(`${API_URL}/committee-sessions/${session.id}`, {
        method: 'PUT',
        body: JSON.stringify({
          title,
          heldOn: dayToIso(heldOn),
          items: items.map((i) => ({
            ...(i.id.startsWith('new-') ? {} : { id: i.id }),
            experimentId: i.experimentId,
            kind: i.kind,
            note: i.note,
          })),
        }),
      });
      notify('app.committee.agenda.saved', { type: 'success' });
      refresh();
    } catch (error) {
      onError(error);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Stack spacing={2} data-testid="agenda">
      {editable ? (
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            id="session-title"
            label={translate('resources.committee-sessions.fields.title')}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            size="small"
            sx={{ minWidth: 320 }}
          />
          <TextField
            id="session-held-on"
            label={translate('resources.committee-sessions.fields.heldOn')}
            helperText={translate('app.date.format')}
            value={heldOn}
            onChange={(event) => setHeldOn(event.target.value)}
            inputProps={{ inputMode: 'numeric' }}
            size="small"
          />
        </Stack>
      ) : null}
      {items.length === 0 ? <p>{translate('app.committee.agenda.empty')}</p> : null}
      <Table size="small" sx={{ display: items.length ? undefined : 'none' }}>
        <caption>{translate('app.committee.agenda.title')}</caption>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              N°
            </TableCell>
            <TableCell component="th" scope="col">
              {translate('app.committee.agenda.test')}
            </TableCell>
            <TableCell component="th" scope="col">
              {translate('app.committee.agenda.reason')}
            </TableCell>
            <TableCell component="th" scope="col">
              {translate('app.committee.agenda.note')}
            </TableCell>
            {editable ? <TableCell /> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {items.map((item, i) => (
            <TableRow key={item.id}>
              <TableCell>{i + 1}</TableCell>
              <TableCell component="th" scope="row">
                <Link to={`/experiments/${item.experimentId}/show`}>{item.experimentTitle}</Link>
              </TableCell>
              <TableCell>{translate(`app.committee.kinds.${item.kind}`)}</TableCell>
              <TableCell>
                {editable ? (
                  <TextField
                    size="small"
                    fullWidth
                    multiline
                    value={item.note}
                    onChange={(event) => setNote(item.id, event.target.value)}
                    inputProps={{
                      'aria-label': translate('app.committee.agenda.noteOf', { title: item.experimentTitle }),
                    }}
                  />
                ) : (
                  item.note
                )}
              </TableCell>
              {editable ? (
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <IconButton
                    aria-label={translate('app.committee.agenda.up', { title: item.experimentTitle })}
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                  >
                    <UpIcon />
                  </IconButton>
                  <IconButton
                    aria-label={translate('app.committee.agenda.down', { title: item.experimentTitle })}
                    disabled={i === items.length - 1}
                    onClick={() => move(i, 1)}
                  >
                    <DownIcon />
                  </IconButton>
                  <IconButton
                    aria-label={translate('app.committee.agenda.remove', { title: item.experimentTitle })}
                    onClick={() => setItems((all) => all.filter((x) => x.id !== item.id))}
                  >
                    <DeleteIcon />
                  </IconButton>
                </TableCell>
              ) : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {editable ? <AddItem candidates={candidates} onAdd={add} /> : null}
      {editable ? (
        <div>
          <Button variant="contained" onClick={save} disabled={saving}>
            {translate('app.committee.agenda.save')}
          </Button>
        </div>
      ) : null}
    </Stack>
  );
};

interface OngoingTest {
  id: string;
  title: string;
  state: ExperimentState;
}

/** The organisation's ongoing tests, which HR may put on the agenda. */
function useOngoingTests(organizationId: string, enabled: boolean): OngoingTest[] {
  const [tests, setTests] = useState<OngoingTest[]>([]);
  useEffect(() => {
    if (!enabled) return;
    const filter = JSON.stringify({ organizationId, state: ['running', 'evaluating', 'deciding'] });
    const query = `filter=${encodeURIComponent(filter)}&range=${encodeURIComponent('[0,499]')}&sort=${encodeURIComponent('["title","ASC"]')}`;
    httpClient(`${API_URL}/experiments?${query}`).then(
      ({ json }) => setTests(json as OngoingTest[]),
      () => setTests([]),
    );
  }, [organizationId, enabled]);
  return tests;
}

/** Puts a test of the portfolio on the agenda, for the reason chosen. */
const AddItem = ({
  candidates,
  onAdd,
}: {
  candidates: OngoingTest[];
  onAdd: (test: OngoingTest, kind: AgendaItemKind) => void;
}) => {
  const translate = useTranslate();
  const [testId, setTestId] = useState('');
  const [kind, setKind] = useState<AgendaItemKind>('decision');
  const test = candidates.find((t) => t.id === testId);
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }}>
      <TextField
        id="agenda-add-test"
        select
        label={translate('app.committee.agenda.addTest')}
        value={testId}
        onChange={(event) => setTestId(event.target.value)}
        SelectProps={{ native: true }}
        size="small"
        sx={{ minWidth: 320 }}
      >
        <option value="">—</option>
        {candidates.map((t) => (
          <option key={t.id} value={t.id}>
            {t.title}
          </option>
        ))}
      </TextField>
      <TextField
        id="agenda-add-kind"
        select
        label={translate('app.committee.agenda.reason')}
        value={kind}
        onChange={(event) => setKind(event.target.value as AgendaItemKind)}
        SelectProps={{ native: true }}
        size="small"
      >
        {AGENDA_ITEM_KINDS.map((k) => (
          <option key={k} value={k}>
            {translate(`app.committee.kinds.${k}`)}
          </option>
        ))}
      </TextField>
      <Button
        variant="outlined"
        disabled={!test}
        onClick={() => {
          if (test) onAdd(test, kind);
          setTestId('');
        }}
      >
        {translate('app.committee.agenda.add')}
      </Button>
    </Stack>
  );
};
