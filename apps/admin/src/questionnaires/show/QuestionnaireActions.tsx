import DeleteIcon from '@mui/icons-material/DeleteOutline';
import EditIcon from '@mui/icons-material/Edit';
import LockIcon from '@mui/icons-material/LockOutlined';
import SendIcon from '@mui/icons-material/Send';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import {
  Confirm,
  Link,
  useDataProvider,
  useLocaleState,
  useNotify,
  useRedirect,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { apiErrorMessage } from '../../dataProvider';
import { questionnairesApi, type Questionnaire } from '../api';

const CloseDialog = ({ questionnaire, onClose }: { questionnaire: Questionnaire; onClose: () => void }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const titleId = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const close = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await questionnairesApi.close(questionnaire.id, reason);
      notify('resources.questionnaires.actions.closed', { type: 'success' });
      onClose();
      refresh();
    } catch (error) {
      setRefusal(apiErrorMessage(error, translate, locale));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{translate('resources.questionnaires.actions.close')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {translate('resources.questionnaires.actions.closeHelp')}
        </DialogContentText>
        <TextField
          label={translate('resources.questionnaires.fields.closeReason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          multiline
          minRows={2}
          fullWidth
          error={refusal !== null}
          helperText={refusal ?? undefined}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('app.actions.cancelButton')}</Button>
        <Button variant="contained" color="warning" onClick={() => void close()} disabled={busy}>
          {translate('resources.questionnaires.actions.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

/**
 * What the managers may do now: edit, publish or delete a draft; close an open one early.
 * The API decides (and answers 409 with its reason, shown translated).
 */
export const QuestionnaireActions = ({ questionnaire }: { questionnaire: Questionnaire }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<'publish' | 'delete' | null>(null);
  const [closing, setClosing] = useState(false);
  const [busy, setBusy] = useState(false);
  const draft = questionnaire.status === 'draft';

  const run = async (what: 'publish' | 'delete') => {
    setBusy(true);
    try {
      if (what === 'publish') {
        await questionnairesApi.publish(questionnaire.id);
        notify('resources.questionnaires.actions.published', { type: 'success' });
        refresh();
      } else {
        await dataProvider.delete('questionnaires', { id: questionnaire.id, previousData: questionnaire });
        await queryClient.invalidateQueries({ queryKey: ['questionnaires'] });
        notify('resources.questionnaires.actions.deleted', { type: 'success' });
        redirect('show', 'experiments', questionnaire.experimentId);
      }
    } catch (error) {
      notify(apiErrorMessage(error, translate, locale), { type: 'error' });
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  return (
    <>
      {draft ? (
        <>
          <Button
            component={Link}
            to={`/questionnaires/${questionnaire.id}`}
            startIcon={<EditIcon />}
            variant="outlined"
          >
            {translate('resources.questionnaires.actions.edit')}
          </Button>
          <Button startIcon={<SendIcon />} variant="contained" onClick={() => setConfirming('publish')}>
            {translate('resources.questionnaires.actions.publish')}
          </Button>
          <Button startIcon={<DeleteIcon />} color="error" onClick={() => setConfirming('delete')}>
            {translate('resources.questionnaires.actions.delete')}
          </Button>
        </>
      ) : null}
      {questionnaire.status === 'open' || questionnaire.status === 'scheduled' ? (
        <Button startIcon={<LockIcon />} color="warning" variant="outlined" onClick={() => setClosing(true)}>
          {translate('resources.questionnaires.actions.close')}
        </Button>
      ) : null}
      <Confirm
        isOpen={confirming !== null}
        loading={busy}
        title={`resources.questionnaires.actions.${confirming ?? 'publish'}Title`}
        content={`resources.questionnaires.actions.${confirming ?? 'publish'}Help`}
        confirm={`resources.questionnaires.actions.${confirming ?? 'publish'}`}
        confirmColor={confirming === 'delete' ? 'warning' : 'primary'}
        onConfirm={() => (confirming ? void run(confirming) : undefined)}
        onClose={() => setConfirming(null)}
      />
      {closing ? <CloseDialog questionnaire={questionnaire} onClose={() => setClosing(false)} /> : null}
    </>
  );
};
