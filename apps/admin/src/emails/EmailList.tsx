import { Alert, Box, Chip, Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  List,
  SelectInput,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { AdminOnly } from '../access';

/** One email of GET /api/emails (the outbox when no SMTP server is set). */
export interface Email extends RaRecord<string> {
  notificationId: string | null;
  organizationId: string | null;
  toAddress: string;
  subject: string;
  text: string;
  status: 'outbox' | 'sent';
  sentAt: string | null;
  createdAt: string;
}

const STATUS_CHOICES = (['outbox', 'sent'] as const).map((status) => ({
  id: status,
  name: `resources.emails.statuses.${status}`,
}));

const filters = [<SelectInput key="status" source="status" choices={STATUS_CHOICES} alwaysOn />];

/** The message itself, as text (an email body is never rendered as HTML here). */
const EmailText = () => {
  const email = useRecordContext<Email>();
  if (!email) return null;
  return (
    <Typography
      component="pre"
      sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0 }}
      data-testid="email-text"
    >
      {email.text}
    </Typography>
  );
};

const Status = ({ record }: { record: Email }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      label={translate(`resources.emails.statuses.${record.status}`)}
      sx={
        record.status === 'sent'
          ? { bgcolor: '#e8f5e9', color: '#1b5e20' }
          : { bgcolor: '#fff3e0', color: '#7a3a00' }
      }
    />
  );
};

/** The outbox of notification emails, for the platform admin. */
export const EmailList = () => {
  const translate = useTranslate();
  return (
    <AdminOnly>
      <Box sx={{ pt: 2 }}>
        <Alert severity="info">{translate('resources.emails.intro')}</Alert>
      </Box>
      <List<Email> filters={filters} sort={{ field: 'createdAt', order: 'DESC' }} exporter={false}>
        <DataTable<Email> rowClick="expand" expand={<EmailText />} bulkActionButtons={false}>
          <DataTable.Col source="createdAt">
            <DateField source="createdAt" showTime />
          </DataTable.Col>
          <DataTable.Col source="toAddress" />
          <DataTable.Col source="subject" disableSort />
          <DataTable.Col source="status" render={(record: Email) => <Status record={record} />} />
        </DataTable>
      </List>
    </AdminOnly>
  );
};
