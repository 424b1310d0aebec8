import type { EndpointResponse } from '@capacites/domain';
import {
  CreateButton,
  DataTable,
  DateField,
  List,
  ReferenceField,
  TextField,
  TopToolbar,
  useTranslate,
} from 'react-admin';
import { RowLink } from '../a11y';
import { IntegrationsOnly } from './IntegrationsOnly';
import { EndpointStatus } from './EndpointStatus';

const Events = ({ record }: { record: EndpointResponse }) => {
  const translate = useTranslate();
  return (
    <>
      {record.events.includes('*')
        ? translate('app.integrations.events.all')
        : translate('app.integrations.eventCount', { smart_count: record.events.length })}
    </>
  );
};

/** The organisation's webhooks and chat rooms, with their state at a glance. */
export const EndpointList = () => {
  const translate = useTranslate();
  return (
    <IntegrationsOnly>
      <List<EndpointResponse>
        sort={{ field: 'createdAt', order: 'DESC' }}
        exporter={false}
        actions={
          <TopToolbar>
            <CreateButton />
          </TopToolbar>
        }
      >
        <DataTable<EndpointResponse> rowClick="show" bulkActionButtons={false}>
          <DataTable.Col
            source="name"
            render={(record: EndpointResponse) => (
              <RowLink resource="webhook-endpoints" id={record.id} type="show">
                {record.name}
              </RowLink>
            )}
          />
          <DataTable.Col
            source="kind"
            render={(record: EndpointResponse) => translate(`app.integrations.kinds.${record.kind}`)}
          />
          <DataTable.Col
            source="events"
            disableSort
            render={(record: EndpointResponse) => <Events record={record} />}
          />
          <DataTable.Col
            source="enabled"
            disableSort
            render={(record: EndpointResponse) => <EndpointStatus record={record} />}
          />
          <DataTable.Col source="lastSuccessAt" disableSort>
            <DateField source="lastSuccessAt" showTime emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="organizationId" disableSort>
            <ReferenceField source="organizationId" reference="organizations" link={false}>
              <TextField source="name" />
            </ReferenceField>
          </DataTable.Col>
        </DataTable>
      </List>
    </IntegrationsOnly>
  );
};
