import { canCollectTestimony, canEditTestimony } from '@capacites/domain';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import EditIcon from '@mui/icons-material/EditOutlined';
import { Box, Button, Chip, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Confirm, useDataProvider, useGetList, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { usePrincipal } from '../access';
import { apiErrorMessage } from '../dataProvider';
import { accessFactsOf } from '../experiments/show/accessFacts';
import { UserName } from '../experiments/show/UserName';
import type { Experiment } from '../experiments/types';
import { formattingLocale } from '../i18n';
import { useOrganization } from '../organizations';
import { TestimonyDialog } from './TestimonyDialog';
import { COLLECTING_STATES, type Testimony } from './types';

/** A day (YYYY-MM-DD) in words: it names a calendar day, not an instant, so no time zone. */
const formatDay = (day: string, locale: string) =>
  new Intl.DateTimeFormat(formattingLocale(locale), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${day}T12:00:00Z`));

const TestimonyItem = ({
  testimony,
  editable,
  onEdit,
  onDelete,
}: {
  testimony: Testimony;
  editable: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const who = testimony.speaker || translate('app.testimonies.anonymous');
  return (
    <Box component="li" sx={{ mb: 2 }} data-testimony={testimony.id}>
      <Box component="figure" sx={{ m: 0, pl: 2, borderLeft: 4, borderColor: 'primary.main' }}>
        {/* Rendered as a text node: markup in a quote shows as typed, never as HTML. */}
        <Box
          component="blockquote"
          sx={{ m: 0, whiteSpace: 'pre-line', fontStyle: 'italic' }}
          data-testid="testimony-quote"
        >
          {testimony.quote}
        </Box>
        <Typography component="figcaption" variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          — {who}
          {testimony.speakerRole ? `, ${testimony.speakerRole}` : ''} ·{' '}
          {translate(`resources.testimonies.sources.${testimony.source}`)} ·{' '}
          {formatDay(testimony.collectedAt, locale)}
          {' · '}
          {translate('resources.testimonies.fields.authorId')} <UserName id={testimony.authorId} />
          {testimony.shareable ? (
            <Chip
              size="small"
              variant="outlined"
              label={translate('app.testimonies.shareable')}
              sx={{ ml: 1 }}
            />
          ) : null}
        </Typography>
      </Box>
      {editable ? (
        <Stack direction="row" spacing={0.5} className="no-print" sx={{ mt: 0.5 }}>
          <Tooltip title={translate('app.testimonies.edit')}>
            <IconButton size="small" aria-label={translate('app.testimonies.edit')} onClick={onEdit}>
              <EditIcon fontSize="small" />
            </IconButton>
          </Tooltip>
          <Tooltip title={translate('app.testimonies.delete')}>
            <IconButton size="small" aria-label={translate('app.testimonies.delete')} onClick={onDelete}>
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
      ) : null}
    </Box>
  );
};

/**
 * The test's story in its users' words ("mise en récit"): collected by HR and the people
 * of the test once it has started; changed or deleted by whoever collected it, or HR.
 */
export const Testimonies = ({ experiment }: { experiment: Experiment }) => {
  const translate = useTranslate();
  const principal = usePrincipal();
  const organization = useOrganization(experiment.organizationId);
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [editing, setEditing] = useState<Testimony | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Testimony | null>(null);
  const { data = [], isPending } = useGetList<Testimony>(
    'testimonies',
    {
      filter: { experimentId: experiment.id },
      sort: { field: 'collectedAt', order: 'DESC' },
      pagination: { page: 1, perPage: 100 },
    },
    { retry: false },
  );
  const started = COLLECTING_STATES.includes(experiment.state);
  const canAdd = Boolean(principal && started && canCollectTestimony(principal, accessFactsOf(experiment)));
  const canEdit = (t: Testimony) => Boolean(principal && canEditTestimony(principal, t));

  const remove = async (testimony: Testimony) => {
    try {
      await dataProvider.delete('testimonies', { id: testimony.id, previousData: testimony });
      await queryClient.invalidateQueries({ queryKey: ['testimonies'] });
      notify('app.actions.done', { type: 'success' });
    } catch (error) {
      notify(apiErrorMessage(error, translate), { type: 'error' });
    } finally {
      setDeleting(null);
    }
  };

  return (
    <Box data-testid="testimonies">
      {canAdd ? (
        <Button
          startIcon={<AddIcon />}
          variant="outlined"
          onClick={() => setEditing('new')}
          sx={{ mb: 2 }}
          className="no-print"
        >
          {translate('app.testimonies.add')}
        </Button>
      ) : null}
      {isPending ? null : data.length === 0 ? (
        <Typography color="text.secondary">
          {translate(started ? 'app.testimonies.empty' : 'app.testimonies.notYet')}
        </Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
          {data.map((testimony) => (
            <TestimonyItem
              key={testimony.id}
              testimony={testimony}
              editable={canEdit(testimony)}
              onEdit={() => setEditing(testimony)}
              onDelete={() => setDeleting(testimony)}
            />
          ))}
        </Box>
      )}
      {editing ? (
        <TestimonyDialog
          experimentId={experiment.id}
          timeZone={organization?.timeZone}
          testimony={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      ) : null}
      <Confirm
        isOpen={deleting !== null}
        title="app.testimonies.confirmDelete"
        content="app.testimonies.confirmDeleteContent"
        confirm="app.testimonies.delete"
        confirmColor="warning"
        onConfirm={() => (deleting ? void remove(deleting) : undefined)}
        onClose={() => setDeleting(null)}
      />
    </Box>
  );
};
