import DashboardIcon from '@mui/icons-material/InsightsOutlined';
import TasksIcon from '@mui/icons-material/TaskAltOutlined';
import { Menu as RaMenu } from 'react-admin';
import { hasAnyRole, usePrincipal } from '../access';

/**
 * The menu follows the user's roles: everyone has the tests; the dashboard is for the
 * CODIR and HR (as the API allows); administration for the platform admin.
 */
export const Menu = () => {
  const principal = usePrincipal();
  return (
    <RaMenu>
      <RaMenu.ResourceItem name="experiments" />
      <RaMenu.Item to="/tasks" primaryText="app.menu.tasks" leftIcon={<TasksIcon />} />
      <RaMenu.ResourceItem name="notifications" />
      {hasAnyRole(principal, ['codir', 'hr', 'admin']) ? (
        <RaMenu.Item to="/dashboard" primaryText="app.menu.dashboard" leftIcon={<DashboardIcon />} />
      ) : null}
      {hasAnyRole(principal, ['admin']) ? <RaMenu.ResourceItem name="organizations" /> : null}
    </RaMenu>
  );
};
