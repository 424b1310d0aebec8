import { render, screen, within } from '@testing-library/react';
import { HttpError } from 'react-admin';
import { MemoryRouter } from 'react-router-dom';
import { dashboardStub } from '../../testing/dashboardStub';
import { experimentStub } from '../../testing/experimentStub';
import { fakeDataProvider, TestAdmin } from '../../testing/TestAdmin';
import { Dashboard } from '../Dashboard';

function renderDashboard(getDashboard: jest.Mock) {
  const getList = jest.fn(() =>
    Promise.resolve({ data: [{ ...experimentStub.running(), title: 'Classeur médical partagé' }], total: 1 }),
  );
  render(
    <MemoryRouter>
      <TestAdmin dataProvider={fakeDataProvider({ getDashboard, getList })}>
        <Dashboard />
      </TestAdmin>
    </MemoryRouter>,
  );
  return { getList };
}

const region = (name: string) => screen.getByRole('region', { name });

describe('the CODIR dashboard', () => {
  it('counts the tests by state, every state shown, zero included', async () => {
    renderDashboard(jest.fn(() => Promise.resolve(dashboardStub())));
    const states = await screen.findByTestId('dashboard-states');
    expect(within(states).getByText('En cours : 3')).toBeInTheDocument();
    expect(within(states).getByText('Annulé : 0')).toBeInTheDocument();
    expect(within(states).getAllByText(/ : \d+$/)).toHaveLength(8);
  });

  it('lists the overdue ("Algeco") and the expiring tests, linking to them', async () => {
    renderDashboard(jest.fn(() => Promise.resolve(dashboardStub())));
    await screen.findByTestId('dashboard-overdue');
    const overdue = region('En retard : alertes « Algeco »');
    expect(within(overdue).getByText('Évaluation : dépassé de 5 jours — Algeco')).toBeInTheDocument();
    expect(within(overdue).getByRole('link', { name: 'Classeur médical partagé' })).toHaveAttribute(
      'href',
      '/experiments/e2/show',
    );
    const expiring = region('Péremption dans les 30 jours');
    expect(within(expiring).getByText('J-12')).toBeInTheDocument();
  });

  it('gives the share of evaluations submitted on time', async () => {
    renderDashboard(jest.fn(() => Promise.resolve(dashboardStub())));
    await screen.findByTestId('dashboard-states');
    const onTime = region('Évaluations remises à temps');
    expect(within(onTime).getByText('75 %')).toBeInTheDocument();
    expect(within(onTime).getByText('3 sur 4')).toBeInTheDocument();
  });

  it('lists the latest decisions with the way to the next iteration', async () => {
    renderDashboard(jest.fn(() => Promise.resolve(dashboardStub())));
    const decisions = await screen.findByTestId('dashboard-decisions');
    expect(within(decisions).getByText(/Itérer · 20 janvier 2026/)).toBeInTheDocument();
    expect(within(decisions).getByRole('link', { name: 'itération suivante' })).toHaveAttribute(
      'href',
      '/experiments/e6/show',
    );
  });

  it('says so when the figures cannot be read, in French from the code of the refusal', async () => {
    const refusal = new HttpError('Your role does not allow this action', 403, {
      code: 'FORBIDDEN',
      params: { action: 'readDashboard', roles: ['codir', 'hr'] },
    });
    renderDashboard(jest.fn(() => Promise.reject(refusal)));
    expect(
      await screen.findByText(
        'Votre rôle ne le permet pas : « consulter le tableau de bord » est réservé au CODIR ou aux RH.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('dashboard-states')).not.toBeInTheDocument();
  });
});
