import DownloadIcon from '@mui/icons-material/PictureAsPdfOutlined';
import { canManageCommittee, canManageShareLinks, canRecordMinutes } from '@capacites/domain';
import { Alert, Button, Chip, Stack, Typography } from '@mui/material';
import { Show, useRecordContext, useTranslate } from 'react-admin';
import { usePrincipal } from '../access';
import { SectionCard } from '../a11y/SectionCard';
import { API_URL } from '../dataProvider';
import { isoToDay } from '../forms';
import { ShareLinkDialog } from '../share-links/ShareLinkDialog';
import { AgendaEditor } from './AgendaEditor';
import { MinutesForm } from './MinutesForm';
import { MinutesResult } from './MinutesResult';
import type { CommitteeSession } from './types';

const SessionPage = () => {
  const session = useRecordContext<CommitteeSession>();
  const principal = usePrincipal();
  const translate = useTranslate();
  if (!session || !principal) return null;
  const planned = session.status === 'planned';
  const base = `${API_URL}/committee-sessions/${session.id}`;
  return (
    <Stack spacing={2} sx={{ p: 2 }}>
      <div>
        <Typography component="h2" variant="h5">
          {session.title}
        </Typography>
        <Stack direction="row" spacing={1} alignItems="center">
          <span>{isoToDay(session.heldOn)}</span>
          <Chip
            size="small"
            variant="outlined"
            label={translate(`resources.committee-sessions.statuses.${session.status}`)}
          />
        </Stack>
      </div>
      <Stack direction="row" spacing={1} flexWrap="wrap">
        <Button component="a" href={`${base}/pack.pdf`} startIcon={<DownloadIcon />} download>
          {translate('app.committee.pack.download')}
        </Button>
        {canManageShareLinks(principal, session.organizationId) ? (
          <ShareLinkDialog
            kind="committeePack"
            organizationId={session.organizationId}
            sessionId={session.id}
            label="app.committee.pack.share"
          />
        ) : null}
        {planned ? null : (
          <Button component="a" href={`${base}/minutes.pdf`} startIcon={<DownloadIcon />} download>
            {translate('app.committee.minutes.download')}
          </Button>
        )}
      </Stack>
      <SectionCard title="app.committee.agenda.title" testId="agenda-section">
        <AgendaEditor
          key={session.updatedAt}
          session={session}
          editable={planned && canManageCommittee(principal, session.organizationId)}
        />
      </SectionCard>
      <SectionCard title="app.committee.minutes.title" testId="minutes-section">
        {!planned ? (
          <MinutesResult session={session} />
        ) : canRecordMinutes(principal, session.organizationId) ? (
          <MinutesForm key={session.updatedAt} session={session} />
        ) : (
          <Alert severity="info">{translate('app.committee.minutes.onlyCodir')}</Alert>
        )}
      </SectionCard>
    </Stack>
  );
};

/** One session: its agenda (editable while planned), its pack, and its minutes. */
export const CommitteeSessionShow = () => (
  <Show<CommitteeSession> actions={false}>
    <SessionPage />
  </Show>
);
