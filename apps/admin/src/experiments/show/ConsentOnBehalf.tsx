import { CONSENT_METHODS, consentOnBehalfSchema, type Participant } from '@capacites/domain';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useId, useMemo, useState } from 'react';
import {
  Form,
  SelectInput,
  TextInput,
  useDataProvider,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { usePrincipal } from '../../access';
import { apiErrorMessage, type CapacitesDataProvider } from '../../dataProvider';
import { DayInput, zodResolver } from '../../forms';
import type { Experiment } from '../types';
import { useUserDisplayName } from './UserName';

/**
 * HR enters, in draft, a consent that a participant gave outside the application (paper,
 * email, meeting): a distinct act, audited with who entered it, when and how it was
 * collected. Nobody gives consent in someone's name in the edit form.
 */
export const RecordConsentOnBehalf = ({
  experiment,
  participant,
}: {
  experiment: Experiment;
  participant: Participant;
}) => {
  const translate = useTranslate();
  const principal = usePrincipal();
  const [open, setOpen] = useState(false);
  const name = useUserDisplayName(participant.userId);
  const hr = Boolean(
    principal?.memberships.some((m) => m.organizationId === experiment.organizationId && m.role === 'hr'),
  );
  if (
    !hr ||
    experiment.state !== 'draft' ||
    participant.consentedAt ||
    participant.userId === principal?.userId
  )
    return null;
  return (
    <>
      <Button
        size="small"
        onClick={() => setOpen(true)}
        aria-label={translate('app.consent.recordFor', { name })}
      >
        {translate('app.consent.record')}
      </Button>
      {open ? (
        <ConsentOnBehalfDialog
          experiment={experiment}
          participantId={participant.userId}
          name={name}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
};

const ConsentOnBehalfDialog = ({
  experiment,
  participantId,
  name,
  onClose,
}: {
  experiment: Experiment;
  participantId: string;
  name: string;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const titleId = useId();
  const [refusal, setRefusal] = useState<string | null>(null);
  const resolver = useMemo(() => zodResolver(consentOnBehalfSchema), []);
  const defaults = useMemo(
    () => ({ participantId, method: 'paper', collectedOn: '', note: '' }),
    [participantId],
  );
  const choices = CONSENT_METHODS.map((id) => ({ id, name: `app.consent.methodNames.${id}` }));

  const submit = async (values: FieldValues) => {
    setRefusal(null);
    try {
      await dataProvider.recordConsentOnBehalf(experiment.id, consentOnBehalfSchema.parse(values));
      notify('app.actions.done', { type: 'success' });
      onClose();
      refresh();
    } catch (error) {
      setRefusal(apiErrorMessage(error, translate));
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <Form record={defaults} defaultValues={defaults} resolver={resolver} onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>{translate('app.consent.recordTitle', { name })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('app.consent.recordHelp')}</DialogContentText>
          <SelectInput source="method" choices={choices} label="app.consent.method" fullWidth />
          <DayInput source="collectedOn" label="app.consent.collectedOn" />
          <TextInput source="note" label="app.consent.note" multiline fullWidth />
          {refusal ? (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {refusal}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('app.actions.cancelButton')}</Button>
          <Button type="submit" variant="contained">
            {translate('app.consent.recordSubmit')}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
};
