import type { ServiceAccountResponse } from '@capacites/domain';
import BlockIcon from '@mui/icons-material/BlockOutlined';
import { Chip } from '@mui/material';
import {
  CreateButton,
  DataTable,
  DateField,
  List,
  ReferenceField,
  TextField,
  TopToolbar,
  useNotify,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { httpClient } from '../dataProvider';
import { ConfirmButton, useApiErrorNotify } from '../forms';
import { IntegrationsOnly } from '../webhook-endpoints';

const Revoke = ({ account }: { account: ServiceAccountResponse }) => {
  const refresh = useRefresh();
  const notify = useNotify();
  const onError = useApiErrorNotify();
  if (account.status === 'revoked') return null;
  return (
    <ConfirmButton
      label="app.integrations.revoke"
      icon={<BlockIcon />}
      title="app.integrations.revokeConfirm"
      titleTranslateOptions={{ name: account.name }}
      content="app.integrations.revokeContent"
      onConfirm={async () => {
        try {
          await httpClient(`/api/service-accounts/${account.id}`, { method: 'DELETE' });
          notify('app.integrations.revoked', { type: 'info' });
          refresh();
        } catch (error) {
          onError(error);
        }
      }}
    />
  );
};

/** The organisation's tokens: scope, expiry, last use; revoked at once when asked. */
export const ServiceAccountList = () => {
  const translate = useTranslate();
  return (
    <IntegrationsOnly>
      <List<ServiceAccountResponse>
        sort={{ field: 'createdAt', order: 'DESC' }}
        exporter={false}
        actions={
          <TopToolbar>
            <CreateButton />
          </TopToolbar>
        }
      >
        <DataTable<ServiceAccountResponse> rowClick={false} bulkActionButtons={false}>
          <DataTable.Col source="name" />
          <DataTable.Col
            source="scope"
            disableSort
            render={(a: ServiceAccountResponse) => translate(`app.integrations.scopes.${a.scope}`)}
          />
          <DataTable.Col
            source="tokenPrefix"
            disableSort
            render={(a: ServiceAccountResponse) => <code>{a.tokenPrefix}…</code>}
          />
          <DataTable.Col
            source="status"
            disableSort
            render={(a: ServiceAccountResponse) => (
              <Chip
                size="small"
                variant="outlined"
                sx={{ color: 'text.primary' }}
                label={translate(`app.integrations.accountStatus.${a.status}`)}
              />
            )}
          />
          <DataTable.Col source="expiresAt">
            <DateField source="expiresAt" />
          </DataTable.Col>
          <DataTable.Col source="lastUsedAt" disableSort>
            <DateField source="lastUsedAt" showTime emptyText="—" />
          </DataTable.Col>
          <DataTable.Col source="organizationId" disableSort>
            <ReferenceField source="organizationId" reference="organizations" link={false}>
              <TextField source="name" />
            </ReferenceField>
          </DataTable.Col>
          <DataTable.Col
            source="id"
            disableSort
            label="app.integrations.actions"
            render={(a: ServiceAccountResponse) => <Revoke account={a} />}
          />
        </DataTable>
      </List>
    </IntegrationsOnly>
  );
};
