import { localDate, TESTIMONY_SOURCES, testimonySchema, testimonyUpdateSchema } from '@capacites/domain';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import {
  BooleanInput,
  Form,
  SelectInput,
  TextInput,
  useDataProvider,
  useNotify,
  useTranslate,
} from 'react-admin';
import type { FieldValues } from 'react-hook-form';
import { apiErrorMessage } from '../dataProvider';
import { DayInput, zodResolver } from '../forms';
import { DEFAULT_TIME_ZONE } from '../organizations';
import { testimonyFields, type Testimony } from './types';

const SOURCE_CHOICES = TESTIMONY_SOURCES.map((source) => ({
  id: source,
  name: `resources.testimonies.sources.${source}`,
}));

const h = (field: string) => `resources.testimonies.helpers.${field}`;

interface TestimonyDialogProps {
  experimentId: string;
  timeZone?: string;
  /** Absent: a new testimony. */
  testimony?: Testimony;
  onClose: () => void;
}

/**
 * Adds or changes a testimony, checked with the domain's schema before sending. The quote
 * is kept and shown as typed: it is text, never markup.
 */
export const TestimonyDialog = ({ experimentId, timeZone, testimony, onClose }: TestimonyDialogProps) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const queryClient = useQueryClient();
  const notify = useNotify();
  const titleId = useId();
  const [refusal, setRefusal] = useState<string | null>(null);
  const editing = Boolean(testimony);
  const toBody = useMemo(
    () => (values: FieldValues) =>
      editing ? testimonyFields(values) : { experimentId, ...testimonyFields(values) },
    [editing, experimentId],
  );
  const resolver = useMemo(
    () => zodResolver(editing ? testimonyUpdateSchema : testimonySchema, { toBody }),
    [editing, toBody],
  );
  const defaultValues = useMemo(
    () =>
      testimony ?? {
        quote: '',
        speaker: '',
        speakerRole: '',
        source: 'interview',
        collectedAt: localDate(new Date(), timeZone ?? DEFAULT_TIME_ZONE),
        shareable: false,
      },
    [testimony, timeZone],
  );

  const submit = async (values: FieldValues) => {
    setRefusal(null);
    try {
      if (testimony)
        await dataProvider.update('testimonies', {
          id: testimony.id,
          data: toBody(values),
          previousData: testimony,
        });
      else await dataProvider.create('testimonies', { data: toBody(values) });
      await queryClient.invalidateQueries({ queryKey: ['testimonies'] });
      notify('app.actions.done', { type: 'success' });
      onClose();
    } catch (error) {
      setRefusal(apiErrorMessage(error, translate));
    }
  };

  const title = translate(editing ? 'app.testimonies.edit' : 'app.testimonies.add');
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="md">
      <Form
        record={defaultValues}
        defaultValues={defaultValues}
        resolver={resolver}
        onSubmit={submit}
        noValidate
      >
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('app.testimonies.asText')}</DialogContentText>
          <TextInput
            source="quote"
            resource="testimonies"
            multiline
            minRows={3}
            fullWidth
            helperText={h('quote')}
          />
          <TextInput source="speaker" resource="testimonies" helperText={h('speaker')} />
          <TextInput source="speakerRole" resource="testimonies" helperText={false} />
          <SelectInput source="source" resource="testimonies" choices={SOURCE_CHOICES} />
          <DayInput source="collectedAt" label="resources.testimonies.fields.collectedAt" />
          <BooleanInput source="shareable" resource="testimonies" helperText={h('shareable')} />
          {refusal ? (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              <strong>{translate('app.actions.refused')} : </strong>
              {refusal}
            </Alert>
          ) : null}
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{translate('app.actions.cancelButton')}</Button>
          <Button type="submit" variant="contained">
            {title}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
};
