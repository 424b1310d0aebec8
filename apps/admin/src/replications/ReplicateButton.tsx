import ReplicateIcon from '@mui/icons-material/ForkRightOutlined';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
} from '@mui/material';
import { useId, useState } from 'react';
import { useDataProvider, useGetList, useGetMany, useRedirect, useTranslate } from 'react-admin';
import { usePrincipal } from '../access';
import { apiErrorCode, apiErrorMessage, type CapacitesDataProvider } from '../dataProvider';

/** The organisations where the user frames tests (HR or pilot), other than the original's. */
function useTargetOrganizations(originalOrganizationId: string | null): string[] {
  const principal = usePrincipal();
  return [
    ...new Set(
      (principal?.memberships ?? [])
        .filter((m) => (m.role === 'hr' || m.role === 'pilot') && m.organizationId !== originalOrganizationId)
        .map((m) => m.organizationId),
    ),
  ];
}

/**
 * "Reproduire dans mon organisation": from a shared learning or a test of the network, a
 * draft in the reader's organisation with the framing copied (not the people, nor the
 * answers or check-ins). The original only learns that it was replicated.
 * @param originalOrganizationId null when unknown to the reader (a shared learning of elsewhere)
 */
export const ReplicateButton = ({
  experimentId,
  title,
  originalOrganizationId,
}: {
  experimentId: string;
  title: string;
  originalOrganizationId: string | null;
}) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const redirect = useRedirect();
  const targets = useTargetOrganizations(originalOrganizationId);
  const [open, setOpen] = useState(false);
  const [organizationId, setOrganizationId] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [needsTemplate, setNeedsTemplate] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const organizationLabel = useId();
  const templateLabel = useId();
  const { data: organizations } = useGetMany(
    'organizations',
    { ids: targets },
    { enabled: open && targets.length > 0 },
  );
  const target = organizationId || (targets.length === 1 ? targets[0] : '');
  const { data: templates } = useGetList(
    'templates',
    {
      filter: { organizationId: target, archived: false },
      pagination: { page: 1, perPage: 100 },
      sort: { field: 'name', order: 'ASC' },
    },
    { enabled: open && needsTemplate && Boolean(target) },
  );
  if (targets.length === 0) return null;

  const replicate = async () => {
    setBusy(true);
    setError(null);
    try {
      const draft = await dataProvider.replicate(experimentId, {
        organizationId: target,
        ...(templateId ? { templateId } : {}),
      });
      setOpen(false);
      // The new draft's framing is completed next: its people, dates, consents.
      redirect('edit', 'experiments', draft.id);
    } catch (caught) {
      if (apiErrorCode(caught) === 'TEMPLATE_REQUIRED') setNeedsTemplate(true);
      setError(apiErrorMessage(caught, translate));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        size="small"
        variant="outlined"
        startIcon={<ReplicateIcon />}
        onClick={() => setOpen(true)}
        aria-label={translate('app.replication.buttonFor', { title })}
      >
        {translate('app.replication.button')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={`${organizationLabel}-title`}>
        <DialogTitle id={`${organizationLabel}-title`}>
          {translate('app.replication.title', { title })}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('app.replication.explain')}</DialogContentText>
          {targets.length > 1 ? (
            <FormControl fullWidth sx={{ mb: 2 }}>
              <InputLabel id={organizationLabel}>{translate('app.replication.organization')}</InputLabel>
              <Select
                labelId={organizationLabel}
                label={translate('app.replication.organization')}
                value={organizationId}
                onChange={(event) => setOrganizationId(event.target.value)}
              >
                {targets.map((id) => (
                  <MenuItem key={id} value={id}>
                    {organizations?.find((o) => o.id === id)?.name ?? id}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          ) : null}
          {needsTemplate ? (
            <FormControl fullWidth sx={{ mb: 2 }}>
              <InputLabel id={templateLabel}>{translate('app.replication.template')}</InputLabel>
              <Select
                labelId={templateLabel}
                label={translate('app.replication.template')}
                value={templateId}
                onChange={(event) => setTemplateId(event.target.value)}
              >
                {(templates ?? []).map((template) => (
                  <MenuItem key={template.id} value={template.id}>
                    {template.name}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          ) : null}
          {error ? (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" onClick={replicate} disabled={busy || !target}>
            {translate('app.replication.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
