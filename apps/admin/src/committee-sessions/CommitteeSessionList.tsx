import { Chip } from '@mui/material';
import { CreateButton, DataTable, List, TopToolbar, useTranslate } from 'react-admin';
import { RowLink } from '../a11y';
import { isoToDay } from '../forms';
import type { CommitteeSession } from './types';

const Status = ({ record }: { record: CommitteeSession }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      variant="outlined"
      label={translate(`resources.committee-sessions.statuses.${record.status}`)}
    />
  );
};

/** Séances du CODIR, the latest first. */
export const CommitteeSessionList = () => (
  <List<CommitteeSession>
    sort={{ field: 'heldOn', order: 'DESC' }}
    exporter={false}
    actions={
      <TopToolbar>
        <CreateButton />
      </TopToolbar>
    }
  >
    <DataTable<CommitteeSession> rowClick="show" bulkActionButtons={false}>
      <DataTable.Col
        source="title"
        render={(record: CommitteeSession) => (
          <RowLink resource="committee-sessions" id={record.id} type="show">
            {record.title}
          </RowLink>
        )}
      />
      <DataTable.Col source="heldOn" render={(record: CommitteeSession) => isoToDay(record.heldOn)} />
      <DataTable.Col source="items" disableSort render={(record: CommitteeSession) => record.items.length} />
      <DataTable.Col source="status" render={(record: CommitteeSession) => <Status record={record} />} />
    </DataTable>
  </List>
);
