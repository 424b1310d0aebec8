import DashboardIcon from '@mui/icons-material/InsightsOutlined';
import TasksIcon from '@mui/icons-material/TaskAltOutlined';
import AccountIcon from '@mui/icons-material/ManageAccountsOutlined';
import ImportIcon from '@mui/icons-material/UploadFileOutlined';
import RetentionIcon from '@mui/icons-material/HourglassBottomOutlined';
import { Divider } from '@mui/material';
import { Menu as RaMenu } from 'react-admin';
import { hasAnyRole, usePrincipal } from '../access';

/**
 * The menu follows the user's roles: everyone has the tests, their tasks and the
 * learnings shared by the network; the dashboard is for the CODIR and HR (as the API
 * allows); administration (organisations, tracks, people, emails) for the platform admin.
 */
export const Menu = () => {
  const principal = usePrincipal();
  const admin = hasAnyRole(principal, ['admin']);
  return (
    <RaMenu>
      <RaMenu.ResourceItem name="experiments" />
      <RaMenu.Item to="/tasks" primaryText="app.menu.tasks" leftIcon={<TasksIcon />} />
      <RaMenu.ResourceItem name="notifications" />
      {hasAnyRole(principal, ['codir', 'hr', 'admin']) ? (
        <RaMenu.Item to="/dashboard" primaryText="app.menu.dashboard" leftIcon={<DashboardIcon />} />
      ) : null}
      {/* Issue 15: the CODIR's sessions and the read-only links, for HR, the CODIR and the admin. */}
      {hasAnyRole(principal, ['codir', 'hr', 'admin']) ? (
        <RaMenu.ResourceItem name="committee-sessions" />
      ) : null}
      {hasAnyRole(principal, ['codir', 'hr', 'admin']) ? <RaMenu.ResourceItem name="share-links" /> : null}
      <RaMenu.ResourceItem name="shared-learnings" />
      {hasAnyRole(principal, ['hr']) ? (
        <RaMenu.Item to="/imports" primaryText="app.imports.menu" leftIcon={<ImportIcon />} />
      ) : null}
      <RaMenu.Item to="/profile" primaryText="app.profile.menu" leftIcon={<AccountIcon />} />
      {/* Issue 16: templates, for the platform admin and HR. */}
      {hasAnyRole(principal, ['admin', 'hr']) ? <RaMenu.ResourceItem name="templates" /> : null}
      {hasAnyRole(principal, ['admin', 'hr']) ? <RaMenu.ResourceItem name="template-requirements" /> : null}
      {admin ? <Divider component="li" aria-hidden /> : null}
      {admin ? <RaMenu.ResourceItem name="organizations" /> : null}
      {admin ? <RaMenu.ResourceItem name="tracks" /> : null}
      {admin ? <RaMenu.ResourceItem name="users" /> : null}
      {admin ? <RaMenu.ResourceItem name="emails" /> : null}
      {/* Integrations (issue 16): webhooks, chat alerts and service accounts, for admin and HR. */}
      {hasAnyRole(principal, ['admin', 'hr']) ? <RaMenu.ResourceItem name="webhook-endpoints" /> : null}
      {hasAnyRole(principal, ['admin', 'hr']) ? <RaMenu.ResourceItem name="service-accounts" /> : null}
      {/* Issue 17: "Conservation des données", for HR and the platform admin. */}
      {hasAnyRole(principal, ['admin', 'hr']) ? (
        <RaMenu.Item to="/retention" primaryText="app.menu.retention" leftIcon={<RetentionIcon />} />
      ) : null}
    </RaMenu>
  );
};
