import EventIcon from '@mui/icons-material/Event';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Title, useCreatePath, useDataProvider, useLocaleState, useTranslate } from 'react-admin';
import { API_URL, type CapacitesDataProvider, type MyTask } from '../dataProvider';
import { formattingLocale } from '../i18n';

/** Overdue first, then by due date; undated tasks last. */
export function sortTasks(tasks: MyTask[]): MyTask[] {
  const due = (t: MyTask) => (t.dueAt ? Date.parse(t.dueAt) : Number.POSITIVE_INFINITY);
  return [...tasks].sort((a, b) => Number(b.overdue) - Number(a.overdue) || due(a) - due(b));
}

/** What the current user has to do now (GET /api/me/tasks). */
export const MyTasks = () => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const [locale] = useLocaleState();
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const { data, error } = useQuery({ queryKey: ['me', 'tasks'], queryFn: () => dataProvider.getMyTasks() });
  const format = (iso: string) =>
    new Intl.DateTimeFormat(formattingLocale(locale), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(iso));
  return (
    <Box sx={{ p: 2 }}>
      <Title title="app.menu.tasks" />
      <Typography variant="h5" component="h1" gutterBottom>
        {translate('app.menu.tasks')}
      </Typography>
      <Button
        startIcon={<EventIcon />}
        href={`${API_URL}/me/calendar.ics`}
        download
        variant="outlined"
        sx={{ mb: 2 }}
      >
        {translate('app.calendar.mine')}
      </Button>
      {error ? <Alert severity="warning">{translate('app.tasks.unavailable')}</Alert> : null}
      {data && data.length === 0 ? <Alert severity="success">{translate('app.tasks.empty')}</Alert> : null}
      {data && data.length > 0 ? (
        <Card variant="outlined">
          <CardContent>
            <List>
              {sortTasks(data).map((task) => (
                <ListItem key={`${task.kind}-${task.experimentId}`} divider data-task={task.kind}>
                  <ListItemText
                    primary={
                      <>
                        <Chip size="small" label={translate(`app.tasks.kinds.${task.kind}`)} sx={{ mr: 1 }} />
                        <Link
                          to={createPath({ resource: 'experiments', id: task.experimentId, type: 'show' })}
                        >
                          {task.title}
                        </Link>
                      </>
                    }
                    secondary={
                      task.dueAt ? (
                        <Box
                          component="span"
                          sx={{
                            color: task.overdue ? 'error.main' : 'text.secondary',
                            fontWeight: task.overdue ? 700 : 400,
                          }}
                        >
                          {translate(task.overdue ? 'app.tasks.overdueSince' : 'app.tasks.dueOn', {
                            date: format(task.dueAt),
                          })}
                        </Box>
                      ) : null
                    }
                  />
                </ListItem>
              ))}
            </List>
          </CardContent>
        </Card>
      ) : null}
    </Box>
  );
};
