import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import type { MyTask } from '../../dataProvider';
import { fakeDataProvider, TestAdmin } from '../../testing/TestAdmin';
import { MyTasks, sortTasks } from '../MyTasks';

const task = (overrides: Partial<MyTask>): MyTask => ({
  kind: 'check-in',
  experimentId: 'e1',
  title: 'Micro-mobilité entre crèches',
  dueAt: '2026-02-20T09:00:00.000Z',
  overdue: false,
  ...overrides,
});

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

function renderTasks(getMyTasks: jest.Mock) {
  render(
    <MemoryRouter>
      <TestAdmin dataProvider={fakeDataProvider({ getMyTasks })}>
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
