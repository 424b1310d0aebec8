import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { Button, IconButton, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useState } from 'react';
import { Link, useNotify, useRefresh, useTranslate } from 'react-admin';
import { API_URL, httpClient } from '../dataProvider';
import { useApiErrorNotify } from '../forms';
import type { CommitteeSession, SessionItem } from './types';

/** The agenda as HR edits it: notes for the committee, items removed; saved in one go. */
export const AgendaEditor = ({ session, editable }: { session: CommitteeSession; editable: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const onError = useApiErrorNotify();
  const refresh = useRefresh();
  const [items, setItems] = useState<SessionItem[]>(session.items);
  const [saving, setSaving] = useState(false);
  const setNote = (id: string, note: string) => setItems((all) => all.map((i) => (i.id === id ? { ...i, note } : i)));
  const save = async () => {
    setSaving(true);
    try {
      await httpClient(`${API_URL}/committee-sessions/${session.id}`, {
        method: 'PUT',
        body: JSON.stringify({
          items: items.map((i) => ({ id: i.id, experimentId: i.experimentId, kind: i.kind, note: i.note })),
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
  if (items.length === 0) return <p>{translate('app.committee.agenda.empty')}</p>;
  return (
    <Stack spacing={2} data-testid="agenda">
      <Table size="small">
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
                    inputProps={{ 'aria-label': translate('app.committee.agenda.noteOf', { title: item.experimentTitle }) }}
                  />
                ) : (
                  item.note
                )}
              </TableCell>
              {editable ? (
                <TableCell>
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
      {editable ? (
        <div>
          <Button variant="outlined" onClick={save} disabled={saving}>
            {translate('app.committee.agenda.save')}
          </Button>
        </div>
      ) : null}
    </Stack>
  );
};
