import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router-dom';
import type { RetentionPreview, RetentionSettings } from '@capacites/domain';
import { organizationStub } from '../../testing/adminStubs';
import { stubIds } from '../../testing/experimentStub';
import { fakeAuthProvider, fakeDataProvider, TestAdmin } from '../../testing/TestAdmin';
import { RetentionPage } from '../RetentionPage';

// Generous: the machine running the suites may be loaded (typing in jsdom is slow then).
jest.setTimeout(60_000);

const organizationId = stubIds.organization;
const settings = (retentionDays: number, custom: boolean): RetentionSettings => ({
  organizationId,
  retentionDays,
  custom,
  defaultDays: 730,
  minDays: 30,
  maxDays: 3650,
});
const preview: RetentionPreview = {
  organizationId,
  retentionDays: 730,
  now: '2027-01-10T10:00:00.000Z',
  due: [
    {
      experimentId: 'e1',
      organizationId,
      title: 'Classeur partagé en crèche',
      state: 'abandoned',
      closedAt: '2025-01-05T10:00:00.000Z',
      dueAt: '2027-01-05T10:00:00.000Z',
      counts: {
        people: 4,
        checkIns: 3,
        testimonies: 1,
        decisions: 1,
        consentNotes: 0,
        questionnaireAnswers: 0,
        notifications: 0,
        emails: 0,
        auditRows: 6,
      },
    },
  ],
  totals: {
    people: 4,
    checkIns: 3,
    testimonies: 1,
    decisions: 1,
    consentNotes: 0,
    questionnaireAnswers: 0,
    notifications: 0,
    emails: 0,
    auditRows: 6,
  },
  upcoming: [],
};

/** The API's answers by method and path, as fetchJson reads them. */
function api(routes: Record<string, () => { status: number; body: unknown }>) {
  const calls: { method: string; url: string; body?: string }[] = [];
  globalThis.fetch = jest.fn((url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ method, url, body: init?.body as string | undefined });
    const route = routes[`${method} ${url}`];
    if (!route) return Promise.reject(new Error(`unexpected ${method} ${url}`));
    const { status, body } = route();
    return Promise.resolve({
      ok: status < 300,
      status,
      statusText: '',
      headers: new Headers({ 'Content-Type': 'application/json' }),
      text: () => Promise.resolve(JSON.stringify(body)),
      json: () => Promise.resolve(body),
    });
  }) as unknown as typeof fetch;
  return calls;
}

describe('"Conservation des données"', () => {
  const originalFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = originalFetch;
  });

  it('shows HR the period, the dry run with its counts, and saves a new period', async () => {
    let current = settings(730, false);
    const base = `/api/retention/${organizationId}`;
    const calls = api({
      [`GET ${base}/settings`]: () => ({ status: 200, body: current }),
      [`PUT ${base}/settings`]: () => {
        current = settings(365, true);
        return { status: 200, body: current };
      },
      [`GET ${base}/preview`]: () => ({ status: 200, body: preview }),
      [`GET ${base}/runs`]: () => ({ status: 200, body: [] }),
    });
    render(
      <MemoryRouter>
        <TestAdmin
          dataProvider={fakeDataProvider({
            getList: jest.fn(() => Promise.resolve({ data: [organizationStub.nantes()], total: 1 })),
          })}
          authProvider={fakeAuthProvider(stubIds.hr, [{ organizationId, role: 'hr' }])}
        >
          <RetentionPage />
        </TestAdmin>
      </MemoryRouter>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Conservation des données' })).toBeInTheDocument();
    expect(await screen.findByText(/Durée par défaut : 730 jours/)).toBeInTheDocument();
    expect(await screen.findByTestId('retention-due-summary')).toHaveTextContent(
      '1 test a dépassé sa durée de conservation : 4 personnes, 3 points d’étape, 1 témoignage, 1 motivation de décision, 6 lignes du journal expurgées',
    );
    expect(screen.getByRole('link', { name: 'Classeur partagé en crèche' })).toBeInTheDocument();
    expect(screen.getByText('Aucun test pseudonymisé pour l’instant.')).toBeInTheDocument();

    await userEvent.type(screen.getByLabelText('Nouvelle durée (jours)'), '365');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer la durée de conservation' }));
    expect(await screen.findByText(/Durée de l’organisation : 365 jours/)).toBeInTheDocument();
    await waitFor(() =>
      expect(calls.find((c) => c.method === 'PUT')?.body).toBe(JSON.stringify({ retentionDays: 365 })),
    );
  });
});
