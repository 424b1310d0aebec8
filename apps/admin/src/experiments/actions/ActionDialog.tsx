import type { LifecycleAction } from '@capacites/domain';
import {
  Alert,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useId, useMemo, useState } from 'react';
import { Form, useDataProvider, useLocaleState, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { apiErrorMessage, type CapacitesDataProvider } from '../../dataProvider';
import { zodResolver } from '../../forms';
import { useUsersVoice } from '../../questionnaires/evaluation/useUsersVoice';
import { useExperimentCriteria } from '../criteria';
import type { Experiment } from '../types';
import { ACTION_FORMS, type ActionContext } from './actionForms';

interface ActionDialogProps {
  experiment: Experiment;
  action: LifecycleAction;
  open: boolean;
  onClose: () => void;
}

const identity = (values: FieldValues) => values;

/**
 * One lifecycle action as a form in a dialog: checked with the domain's schema before
 * anything is sent; a refusal from the API is shown in the dialog, which stays open.
 */
export const ActionDialog = ({ experiment, action, open, onClose }: ActionDialogProps) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const titleId = useId();
  const [refusal, setRefusal] = useState<string | null>(null);
  const form = ACTION_FORMS[action];
  const toBody = form.toBody ?? identity;
  // The form definitions are static: one resolver per action.
  const resolver = useMemo(
    () => zodResolver(form.schema, { toBody, refinements: form.refinements, aliases: form.aliases }),
    [form, toBody],
  );
  const criteria = useExperimentCriteria(experiment, { enabled: Boolean(form.needsCriteria) });
  const current = criteria.data?.current;
  const voice = useUsersVoice(experiment.id, Boolean(form.needsUsersVoice) && open);
  const context: ActionContext | null = useMemo(
    () =>
      (current || !form.needsCriteria) && voice.settled
        ? { experiment, criteria: current ?? [], usersVoice: voice.data }
        : null,
    [experiment, current, form.needsCriteria, voice.settled, voice.data],
  );
  // The form's defaults are read once, when it mounts: it waits for the current criteria.
  const defaultValues = useMemo(() => (context ? form.defaults(context) : null), [form, context]);

  const submit = async (values: FieldValues) => {
    setRefusal(null);
    try {
      await dataProvider.runAction(experiment.id, action, toBody(values));
      notify('app.actions.done', { type: 'success' });
      onClose();
      refresh();
    } catch (error) {
      // The reason in the user's words, from the API's code and parameters.
      setRefusal(apiErrorMessage(error, translate, locale));
    }
  };

  const { Fields } = form;
  if (!context || !defaultValues) {
    return (
      <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
        <DialogTitle id={titleId}>{translate(`app.actions.${action}.label`)}</DialogTitle>
        <DialogContent>
          {form.needsCriteria && criteria.error ? (
            <Alert severity="error" role="alert">
              {translate('app.amendments.unavailable')}
            </Alert>
          ) : (
            <CircularProgress aria-label={translate('ra.page.loading')} />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('app.actions.cancelButton')}</Button>
        </DialogActions>
      </Dialog>
    );
  }
  return (
    <Dialog open={open} onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <Form
        record={defaultValues}
        defaultValues={defaultValues}
        resolver={resolver}
        onSubmit={submit}
        noValidate
      >
        <DialogTitle id={titleId}>{translate(`app.actions.${action}.label`)}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate(`app.actions.${action}.help`)}</DialogContentText>
          {Fields ? <Fields {...context} /> : null}
          {refusal ? (
            <Alert severity="error" role="alert" sx={{ mt: 2 }} data-testid="action-refusal">
              <strong>{translate('app.actions.refused')} : </strong>
              {refusal}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('app.actions.cancelButton')}</Button>
          <Button type="submit" variant="contained" color={form.serious ? 'warning' : 'primary'}>
            {translate(`app.actions.${action}.label`)}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
};
