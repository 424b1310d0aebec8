import RevokeIcon from '@mui/icons-material/LinkOffOutlined';
import type { ShareLinkResponse } from '@capacites/domain';
import { Chip } from '@mui/material';
import { DataTable, List, TopToolbar, useNotify, useRefresh, useTranslate } from 'react-admin';
import { usePrincipal } from '../access';
import { API_URL, httpClient } from '../dataProvider';
import { ConfirmButton, useApiErrorNotify } from '../forms';
import { ShareLinkDialog } from './ShareLinkDialog';

const when = (value: string | null) => (value ? new Date(value).toLocaleString('fr-FR') : '—');

const Revoke = ({ record }: { record: ShareLinkResponse }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const onError = useApiErrorNotify();
  if (record.status === 'revoked') return null;
  return (
    <ConfirmButton
      label="app.committee.share.revoke"
      icon={<RevokeIcon />}
      title="app.committee.share.revokeConfirm"
      titleTranslateOptions={{ recipient: record.recipient }}
      content="app.committee.share.help"
      onConfirm={async () => {
        try {
          await httpClient(`${API_URL}/share-links/${record.id}/revoke`, { method: 'POST', body: '{}' });
          notify('app.committee.share.revoked', { type: 'info' });
          refresh();
        } catch (error) {
          onError(error);
        }
      }}
    />
  );
};

const Actions = () => {
  const principal = usePrincipal();
  const organizationId = principal?.memberships.find(
    (m) => m.role === 'hr' || m.role === 'codir',
  )?.organizationId;
  return (
    <TopToolbar>
      {organizationId ? (
        <ShareLinkDialog
          kind="dashboard"
          organizationId={organizationId}
          label="app.committee.share.dashboard"
        />
      ) : null}
    </TopToolbar>
  );
};

/** The read-only links given out: to whom, what, until when, how often opened; revocable. */
export const ShareLinkList = () => {
  const translate = useTranslate();
  return (
    <List<ShareLinkResponse>
      sort={{ field: 'createdAt', order: 'DESC' }}
      exporter={false}
      actions={<Actions />}
    >
      <DataTable<ShareLinkResponse> rowClick={false} bulkActionButtons={false}>
        <DataTable.Col source="recipient" />
        <DataTable.Col
          source="kind"
          disableSort
          render={(r: ShareLinkResponse) => translate(`resources.share-links.kinds.${r.kind}`)}
        />
        <DataTable.Col
          source="status"
          disableSort
          render={(r: ShareLinkResponse) => (
            <Chip
              size="small"
              variant="outlined"
              label={translate(`resources.share-links.statuses.${r.status}`)}
            />
          )}
        />
        <DataTable.Col source="expiresAt" render={(r: ShareLinkResponse) => when(r.expiresAt)} />
        <DataTable.Col source="openCount" disableSort />
        <DataTable.Col source="lastOpenedAt" render={(r: ShareLinkResponse) => when(r.lastOpenedAt)} />
        <DataTable.Col label="" disableSort render={(r: ShareLinkResponse) => <Revoke record={r} />} />
      </DataTable>
    </List>
  );
};
