import { lifecycleSettingsSchema, type Role } from '@capacites/domain';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { adminMemberships, organizationStub } from '../../testing/adminStubs';
import { stubIds } from '../../testing/experimentStub';
import { fakeAuthProvider, fakeDataProvider, TestAdmin } from '../../testing/TestAdmin';
import { OrganizationEdit } from '../OrganizationEdit';
import {
  CALENDAR_SETTING_KEYS,
  customSettingsBody,
  organizationBody,
  parseDays,
  SETTING_KEYS,
} from '../settings';

describe('the lifecycle settings of an organisation', () => {
  it('offer every setting of the domain but the time zone, which is its own field', () => {
    const domainKeys = Object.keys(lifecycleSettingsSchema.shape).filter((key) => key !== 'timeZone');
    // The calendar's two (issue 15) have inputs of their own (CodirCycleSettings).
    expect([...SETTING_KEYS, ...CALENDAR_SETTING_KEYS].sort()).toEqual(domainKeys.sort());
  });

  it('read lists of days typed with commas, and an empty field as "the default"', () => {
    expect(parseDays('14, 7, 1')).toEqual([14, 7, 1]);
    expect(parseDays('  ')).toBeNull();
    expect(parseDays('14, sept')).toEqual([14, NaN]);
  });

  it('store only what differs from the defaults', () => {
    expect(customSettingsBody({ maxDurationDays: 90, maxExtensions: null, reminderHour: '' })).toEqual({
      maxDurationDays: 90,
    });
  });

  it('never send the slug again after creation (the API refuses it)', () => {
    const values = {
      ...organizationStub.nantes({ maxDurationDays: 90 }),
      customSettings: { maxDurationDays: 90 },
    };
    expect(organizationBody(values, 'update')).toEqual({
      name: 'Ville de Nantes',
      kind: 'commune',
      timeZone: 'Europe/Paris',
      settings: { maxDurationDays: 90 },
      // Every field of the digest empty: its defaults (the body replaces the stored ones).
      digest: {},
    });
    expect(organizationBody(values, 'create')).toMatchObject({ slug: 'nantes' });
  });
});

function renderEdit(
  update: jest.Mock,
  memberships: { organizationId: string; role: Role }[] = adminMemberships,
) {
  const organization = organizationStub.nantes({ maxDurationDays: 180 });
  const dataProvider = fakeDataProvider({
    getOne: jest.fn(() => Promise.resolve({ data: organization })),
    update,
  });
  render(
    <MemoryRouter initialEntries={[`/organizations/${organization.id}`]}>
      <TestAdmin
        dataProvider={dataProvider}
        authProvider={fakeAuthProvider(stubIds.admin, memberships)}
        resource="organizations"
      >
        <Routes>
          <Route path="/organizations/:id" element={<OrganizationEdit />} />
        </Routes>
      </TestAdmin>
    </MemoryRouter>,
  );
  return organization;
}

describe('the organisation form', () => {
  it('shows the custom settings, the defaults beside the others, and saves the change', async () => {
    const update = jest.fn((_resource: string, { data }: { data: object }) =>
      Promise.resolve({ data: { id: stubIds.organization, ...data } }),
    );
    renderEdit(update);
    const maxDuration = await screen.findByLabelText(/Durée maximale d'un test/);
    expect(maxDuration).toHaveValue(180);
    expect(screen.getByText('Par défaut : 14, 7, 1')).toBeInTheDocument();
    await userEvent.clear(maxDuration);
    await userEvent.type(maxDuration, '90');
    await userEvent.type(screen.getByLabelText(/Nombre maximal de prolongations/), '2');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0]?.[1].data).toEqual({
      name: 'Ville de Nantes',
      kind: 'commune',
      timeZone: 'Europe/Paris',
      settings: { maxDurationDays: 90, maxExtensions: 2 },
      digest: {},
    });
  });

  it("refuses a setting out of the domain's bounds before sending anything", async () => {
    const update = jest.fn();
    renderEdit(update);
    const maxDuration = await screen.findByLabelText(/Durée maximale d'un test/);
    await userEvent.clear(maxDuration);
    await userEvent.type(maxDuration, '5000');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Maximum 1095')).toBeInTheDocument();
    expect(update).not.toHaveBeenCalled();
  });

  it('is not offered to someone who is not the platform admin', async () => {
    renderEdit(jest.fn(), [{ organizationId: stubIds.organization, role: 'hr' }]);
    expect(
      await screen.findByText("Cet écran est réservé à l'administration de la plateforme."),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).not.toBeInTheDocument();
  });
});

describe('the CODIR cycle settings of an organisation (issue 15)', () => {
  it('send the département, the durations in working days and the digest, empty fields as the defaults', () => {
    const values = {
      ...organizationStub.nantes({}),
      customSettings: { departement: '57', workingDayDurations: ['evaluationDue'] },
      customDigest: { rhythm: 'monthly', weekday: 4, hour: '', recipients: [] },
    };
    expect(organizationBody(values, 'update')).toMatchObject({
      settings: { departement: '57', workingDayDurations: ['evaluationDue'] },
      digest: { rhythm: 'monthly', weekday: 4 },
    });
  });

  it('are edited in French in the form and saved with the others', async () => {
    const update = jest.fn((_resource: string, { data }: { data: object }) =>
      Promise.resolve({ data: { id: stubIds.organization, ...data } }),
    );
    renderEdit(update);
    await userEvent.type(await screen.findByLabelText(/^Département/), '974');
    await userEvent.click(screen.getByRole('checkbox', { name: "Délai de l'évaluation" }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'CODIR' }));
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() => expect(update).toHaveBeenCalled());
    expect(update.mock.calls[0]?.[1].data).toMatchObject({
      settings: { departement: '974', workingDayDurations: ['evaluationDue'] },
      digest: { recipients: ['codir'] },
    });
  });
});
