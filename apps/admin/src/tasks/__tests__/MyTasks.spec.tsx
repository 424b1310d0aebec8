import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { MyTask } from '../../dataProvider';
import { fakeDataProvider, TestAdmin } from '../../testing/TestAdmin';
import { MyTasks, sortTasks } from '../MyTasks';

const task = (overrides: Partial<MyTask>): MyTask => {
  const merged = {
    kind: 'check-in' as const,
    experimentId: 'e1',
    organizationId: 'nantes',
    title: 'Micro-mobilité entre crèches',
    dueAt: '2026-02-20T09:00:00.000Z',
    overdue: false,
    ...overrides,
  };
  return { id: `${merged.kind}:${merged.experimentId}`, ...merged };
};

const TASKS: MyTask[] = [
  task({ kind: 'launch', experimentId: 'e3', title: 'Brouillon prêt', dueAt: null }),
  task({ kind: 'check-in', experimentId: 'e1', dueAt: '2026-02-20T09:00:00.000Z' }),
  task({
    kind: 'evaluation',
    experimentId: 'e2',
    title: 'Classeur médical partagé',
    dueAt: '2026-01-27T09:00:00.000Z',
    overdue: true,
  }),
  task({
    kind: 'extension-approval',
    experimentId: 'e4',
    title: 'Tiers-lieu',
    dueAt: '2026-02-10T09:00:00.000Z',
  }),
];

/** Organisations as the API gives them: Cayenne's time zone is three hours behind UTC. */
const getMany = jest.fn((_resource: string, { ids }: { ids: string[] }) =>
  Promise.resolve({
    data: ids.map((id) => ({ id, name: id, timeZone: id === 'cayenne' ? 'America/Cayenne' : 'Europe/Paris' })),
  }),
);

function renderTasks(getMyTasks: jest.Mock) {
  render(
    <MemoryRouter>
      <TestAdmin dataProvider={fakeDataProvider({ getMyTasks, getMany })}>
        <MyTasks />
      </TestAdmin>
    </MemoryRouter>,
  );
}

describe('my tasks', () => {
  it('come overdue first, then by due date, undated last', () => {
    expect(sortTasks(TASKS).map((t) => t.experimentId)).toEqual(['e2', 'e4', 'e1', 'e3']);
  });

  it('show each task with its kind, a link to the test and its due date, the overdue one in words', async () => {
    renderTasks(jest.fn(() => Promise.resolve(TASKS)));
    const items = await screen.findAllByRole('listitem');
    expect(items.map((item) => item.getAttribute('data-task'))).toEqual([
      'evaluation',
      'extension-approval',
      'check-in',
      'launch',
    ]);
    expect(within(items[0] as HTMLElement).getByText('Évaluation')).toBeInTheDocument();
    expect(
      within(items[0] as HTMLElement).getByText('En retard depuis le 27 janvier 2026'),
    ).toBeInTheDocument();
    expect(
      within(items[0] as HTMLElement).getByRole('link', { name: 'Classeur médical partagé' }),
    ).toHaveAttribute('href', '/experiments/e2/show');
    expect(within(items[1] as HTMLElement).getByText('À faire avant le 10 février 2026')).toBeInTheDocument();
    expect(within(items[3] as HTMLElement).queryByText(/À faire avant/)).not.toBeInTheDocument();
  });

  it('list the questionnaires to answer with their closing day in the organisation’s time zone and the link of their notices', async () => {
    const questionnaire = (id: string, answered: boolean, closesAt: string) =>
      task({
        id: `questionnaire:${id}`,
        kind: 'questionnaire',
        experimentId: 'e5',
        organizationId: 'cayenne',
        title: 'Accueil partagé',
        dueAt: closesAt,
        questionnaire: { id, title: answered ? 'Bilan' : 'Pulse de mi-parcours', answered },
      });
    // Closes at the end of 10 March in Cayenne: already 11 March in UTC and in Paris.
    const open = questionnaire('q1', false, '2026-03-11T02:59:59.999Z');
    const done = questionnaire('q2', true, '2026-03-20T02:59:59.999Z');
    renderTasks(jest.fn(() => Promise.resolve([...TASKS, open, done])));
    const toAnswer = await screen.findByRole('link', { name: 'Pulse de mi-parcours' });
    expect(toAnswer).toHaveAttribute('href', '/#/questionnaires/q1/answer');
    const item = toAnswer.closest('li') as HTMLElement;
    expect(item).toHaveAttribute('data-task', 'questionnaire');
    expect(within(item).getByText('Questionnaire à remplir')).toBeInTheDocument();
    expect(within(item).getByText(/Accueil partagé/)).toBeInTheDocument();
    expect(await within(item).findByText('Ouvert jusqu’au 10 mars 2026')).toBeInTheDocument();
    // Answered: no longer to do, listed apart while the answer may still change.
    const answered = screen.getByRole('region', { name: 'Questionnaires auxquels vous avez répondu' });
    expect(within(answered).getByRole('link', { name: 'Bilan' })).toHaveAttribute('href', '/#/questionnaires/q2/answer');
    expect(within(answered).getByText('Répondu')).toBeInTheDocument();
    expect(
      await within(answered).findByText('Vous pouvez modifier votre réponse jusqu’au 19 mars 2026.'),
    ).toBeInTheDocument();
    const toDo = screen.getAllByRole('listitem').filter((li) => !answered.contains(li));
    expect(toDo.map((li) => li.getAttribute('data-task'))).toEqual([
      'evaluation',
      'extension-approval',
      'check-in',
      'questionnaire',
      'launch',
    ]);
  });

  it('say there is nothing to do when every questionnaire is answered', async () => {
    renderTasks(
      jest.fn(() =>
        Promise.resolve([
          task({
            id: 'questionnaire:q2',
            kind: 'questionnaire',
            questionnaire: { id: 'q2', title: 'Bilan', answered: true },
          }),
        ]),
      ),
    );
    expect(await screen.findByText('Rien à faire pour le moment.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Bilan' })).toBeInTheDocument();
  });

  it('offer every deadline of the user as a calendar file to download', async () => {
    renderTasks(jest.fn(() => Promise.resolve(TASKS)));
    const link = await screen.findByRole('link', { name: 'Toutes mes échéances dans mon agenda (.ics)' });
    expect(link).toHaveAttribute('href', '/api/me/calendar.ics');
    expect(link).toHaveAttribute('download');
  });

  it('say when there is nothing to do', async () => {
    renderTasks(jest.fn(() => Promise.resolve([])));
    expect(await screen.findByText('Rien à faire pour le moment.')).toBeInTheDocument();
  });

  it('say when they cannot be read', async () => {
    renderTasks(jest.fn(() => Promise.reject(new Error('503'))));
    expect(await screen.findByText('Vos tâches ne sont pas encore disponibles.')).toBeInTheDocument();
  });
});
