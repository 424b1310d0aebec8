import DeleteForeverIcon from '@mui/icons-material/DeleteForeverOutlined';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { ErasureCounts, ErasureReport } from '@capacites/domain';
import { requestErasure } from './retentionApi';

/**
 * Erasing a disabled account (issue 17, item 3): the dry run's counts first, then the
 * erasure once the account's email is typed again. The API checks who may (admin, HR).
 */
export const EraseUserButton = () => {
  const user = useRecordContext<{ id: string; email: string; displayName: string; disabled: boolean; erased?: boolean }>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [report, setReport] = useState<ErasureReport | null>(null);
  const [confirmEmail, setConfirmEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!user || !user.disabled || user.erased) return null;
  const open = async () => {
    setError(null);
    try {
      setReport(await requestErasure(user.id, { dryRun: true }));
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    }
  };
  const erase = async () => {
    setBusy(true);
    setError(null);
    try {
      await requestErasure(user.id, { dryRun: false, confirmEmail });
      setReport(null);
      notify('app.retention.erasure.done', { type: 'success' });
      refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const lines = report
    ? (Object.entries(report.counts) as [keyof ErasureCounts, number][])
        .filter(([, n]) => n > 0)
        .map(([key, n]) => translate(`app.retention.erasure.counts.${key}`, { smart_count: n }))
    : [];
  return (
    <>
      <Button color="error" startIcon={<DeleteForeverIcon />} onClick={() => void open()}>
        {translate('app.retention.erasure.button')}
      </Button>
      <Dialog open={report !== null} onClose={() => setReport(null)} aria-labelledby="erase-user-title">
        <DialogTitle id="erase-user-title">
          {translate('app.retention.erasure.title', { name: user.displayName })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('app.retention.erasure.explain')}</DialogContentText>
          <ul aria-label={translate('app.retention.erasure.countsLabel')}>
            {lines.length ? lines.map((line) => <li key={line}>{line}</li>) : <li>{translate('app.retention.counts.nothing')}</li>}
          </ul>
          <TextField
            fullWidth
            size="small"
            label={translate('app.retention.erasure.confirmEmail', { email: user.email })}
            value={confirmEmail}
            onChange={(event) => setConfirmEmail(event.target.value)}
            autoComplete="off"
          />
          {error ? (
            <Alert severity="error" role="alert" sx={{ mt: 1 }}>
              {error}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setReport(null)}>{translate('ra.action.cancel')}</Button>
          <Button color="error" variant="contained" disabled={busy || confirmEmail === ''} onClick={() => void erase()}>
            {translate('app.retention.erasure.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
