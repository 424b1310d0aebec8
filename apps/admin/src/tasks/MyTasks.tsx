import { participantAnswerPath } from '@capacites/domain';
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
import { Link, Title, useCreatePath, useDataProvider, useTranslate } from 'react-admin';
import { API_URL, type CapacitesDataProvider, type MyTask } from '../dataProvider';
import { useOrganizationDateFormat } from '../organizations';

/** Overdue first, then by due date; undated tasks last. */
export function sortTasks(tasks: MyTask[]): MyTask[] {
  const due = (t: MyTask) => (t.dueAt ? Date.parse(t.dueAt) : Number.POSITIVE_INFINITY);
  return [...tasks].sort((a, b) => Number(b.overdue) - Number(a.overdue) || due(a) - due(b));
}

/** A questionnaire already answered is no longer to do, though its answer may change until it closes. */
const isAnswered = (task: MyTask) => task.kind === 'questionnaire' && Boolean(task.questionnaire?.answered);

/**
 * What the task leads to: the test's page, or for a questionnaire the answer page by the very
 * route of its emailed and in-app notices (`participantAnswerPath`).
 */
const TaskLink = ({ task }: { task: MyTask }) => {
  const createPath = useCreatePath();
  if (task.questionnaire)
    return (
      <>
        <a href={participantAnswerPath(task.questionnaire.id)}>{task.questionnaire.title}</a>
        {' — '}
        {task.title}
      </>
    );
  return (
    <Link to={createPath({ resource: 'experiments', id: task.experimentId, type: 'show' })}>
      {task.title}
    </Link>
  );
};

/** Its due date, as every date of a test: in the organisation's time zone. */
const TaskDue = ({ task }: { task: MyTask }) => {
  const translate = useTranslate();
  const format = useOrganizationDateFormat(task.organizationId);
  if (!task.dueAt) return null;
  const date = format(task.dueAt);
  if (isAnswered(task)) return <Box component="span">{translate('app.tasks.answeredUntil', { date })}</Box>;
  return (
    <Box
      component="span"
      sx={{ color: task.overdue ? 'error.main' : 'text.secondary', fontWeight: task.overdue ? 700 : 400 }}
    >
      {translate(
        task.overdue
          ? 'app.tasks.overdueSince'
          : task.kind === 'questionnaire'
            ? 'app.tasks.closesOn'
            : 'app.tasks.dueOn',
        { date },
      )}
    </Box>
  );
};

const TaskList = ({ tasks }: { tasks: MyTask[] }) => {
  const translate = useTranslate();
  return (
    <List>
      {tasks.map((task) => (
        <ListItem key={task.id} divider data-task={task.kind}>
          <ListItemText
            primary={
              <>
                <Chip
                  size="small"
                  label={translate(isAnswered(task) ? 'app.tasks.answered' : `app.tasks.kinds.${task.kind}`)}
                  sx={{ mr: 1 }}
                />
                <TaskLink task={task} />
              </>
            }
            secondary={<TaskDue task={task} />}
          />
        </ListItem>
      ))}
    </List>
  );
};

/** What the current user has to do now (GET /api/me/tasks). */
export const MyTasks = () => {
  const translate = useTranslate();
  const dataProvider = useDataProvider<CapacitesDataProvider>();
  const { data, error } = useQuery({ queryKey: ['me', 'tasks'], queryFn: () => dataProvider.getMyTasks() });
  const toDo = sortTasks((data ?? []).filter((task) => !isAnswered(task)));
  const answered = sortTasks((data ?? []).filter(isAnswered));
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
      {data && toDo.length === 0 ? <Alert severity="success">{translate('app.tasks.empty')}</Alert> : null}
      {toDo.length > 0 ? (
        <Card variant="outlined">
          <CardContent>
            <TaskList tasks={toDo} />
          </CardContent>
        </Card>
      ) : null}
      {answered.length > 0 ? (
        <Box component="section" aria-labelledby="answered-questionnaires" sx={{ mt: 3 }}>
          <Typography variant="h6" component="h2" id="answered-questionnaires" gutterBottom>
            {translate('app.tasks.answeredTitle')}
          </Typography>
          <Card variant="outlined">
            <CardContent>
              <TaskList tasks={answered} />
            </CardContent>
          </Card>
        </Box>
      ) : null}
    </Box>
  );
};
