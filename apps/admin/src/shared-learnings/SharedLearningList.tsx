import { OUTCOMES, VERDICTS } from '@capacites/domain';
import { Alert, Box, Chip, Typography } from '@mui/material';
import { ReplicateButton } from '../replications';
import {
  DataTable,
  DateField,
  List,
  ReferenceInput,
  SelectInput,
  TextInput,
  useTranslate,
  type RaRecord,
} from 'react-admin';

/** One entry of GET /api/shared-learnings; the id is the experiment's, out of reach for others. */
export interface SharedLearning extends RaRecord<string> {
  organizationId: string;
  organizationName: string;
  organizationKind: string;
  trackName: string | null;
  title: string;
  verdict: (typeof VERDICTS)[number];
  learnings: string;
  outcome: (typeof OUTCOMES)[number] | null;
  sharedAt: string;
  /** How many other organisations replicated the test (issue 16): never who. */
  replicationCount: number;
}

const filters = [
  <TextInput key="q" source="q" alwaysOn resettable />,
  <SelectInput
    key="verdict"
    source="verdict"
    choices={VERDICTS.map((verdict) => ({ id: verdict, name: `app.verdicts.${verdict}` }))}
    alwaysOn
  />,
  <ReferenceInput
    key="trackId"
    source="trackId"
    reference="tracks"
    sort={{ field: 'name', order: 'ASC' }}
    alwaysOn
  >
    <SelectInput optionText="name" label="resources.shared-learnings.fields.trackId" />
  </ReferenceInput>,
];

const Experiment = ({ record }: { record: SharedLearning }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography component="p" sx={{ fontWeight: 600 }}>
        {record.title}
      </Typography>
      <Typography component="p" variant="body2" color="text.secondary">
        {record.organizationName} ·{' '}
        {translate(`resources.organizations.kinds.${record.organizationKind}`, {
          _: record.organizationKind,
        })}
        {record.trackName ? ` · ${record.trackName}` : ''}
      </Typography>
    </Box>
  );
};

const Verdict = ({ record }: { record: SharedLearning }) => {
  const translate = useTranslate();
  return (
    <>
      <Chip size="small" label={translate(`app.verdicts.${record.verdict}`)} sx={{ mb: 0.5 }} />
      {record.outcome ? (
        <Typography variant="body2" component="p">
          {translate(`app.outcomes.${record.outcome}`)}
        </Typography>
      ) : null}
    </>
  );
};

/** Issue 16: how many organisations replicated it, and "Reproduire dans mon organisation". */
const Replication = ({ record }: { record: SharedLearning }) => {
  const translate = useTranslate();
  return (
    <Box>
      <Typography variant="body2" component="p" sx={{ mb: 0.5 }}>
        {record.replicationCount === 0
          ? translate('app.replication.none')
          : translate('app.replication.count', { smart_count: record.replicationCount })}
      </Typography>
      <ReplicateButton experimentId={record.id} title={record.title} originalOrganizationId={record.organizationId} />
    </Box>
  );
};

/**
 * "Capitaliser et essaimer": what other administrations learnt and chose to share,
 * readable by everyone. Their experiments stay private, so rows open nothing.
 */
export const SharedLearningList = () => {
  const translate = useTranslate();
  return (
    <>
      <Box sx={{ pt: 2 }}>
        <Alert severity="info">{translate('app.learnings.intro')}</Alert>
      </Box>
      <List<SharedLearning>
        filters={filters}
        sort={{ field: 'sharedAt', order: 'DESC' }}
        exporter={false}
        title="app.menu.sharedLearnings"
      >
        <DataTable<SharedLearning> rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="title" render={(record: SharedLearning) => <Experiment record={record} />} />
          <DataTable.Col
            source="verdict"
            disableSort
            render={(record: SharedLearning) => <Verdict record={record} />}
          />
          <DataTable.Col
            source="learnings"
            disableSort
            render={(record: SharedLearning) => (
              <Typography sx={{ whiteSpace: 'pre-line' }} data-testid="shared-learnings-text">
                {record.learnings}
              </Typography>
            )}
          />
          <DataTable.Col source="sharedAt">
            <DateField source="sharedAt" />
          </DataTable.Col>
          <DataTable.Col
            source="replicationCount"
            disableSort
            render={(record: SharedLearning) => <Replication record={record} />}
          />
        </DataTable>
      </List>
    </>
  );
};
