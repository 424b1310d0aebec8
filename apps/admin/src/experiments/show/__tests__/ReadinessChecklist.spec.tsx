import { render, screen, within } from '@testing-library/react';
import { organizationStub } from '../../../testing/adminStubs';
import { fakeDataProvider, TestAdmin } from '../../../testing/TestAdmin';
import { experimentStub } from '../../../testing/experimentStub';
import { ReadinessChecklist } from '../ReadinessChecklist';

const NOW = new Date('2026-02-01T10:00:00.000Z');

const itemsOf = async () => {
  const list = await screen.findByRole('list', { name: 'Prêt à lancer ?' });
  return within(list).getAllByRole('listitem');
};

describe('the readiness checklist', () => {
  it('lists all ten conditions of launch, with what is missing in an empty draft', async () => {
    render(
      <TestAdmin>
        <ReadinessChecklist
          experiment={{ ...experimentStub.emptyDraft(), hypothesis: '', scope: '' }}
          now={NOW}
        />
      </TestAdmin>,
    );
    const items = await itemsOf();
    expect(items.map((item) => item.getAttribute('data-readiness'))).toEqual([
      'hypothesis',
      'hypothesisRevision',
      'scope',
      'criteria',
      'pilots',
      'sponsor',
      'sponsorNotPilot',
      'expiry',
      'consent',
      'exitPlan',
    ]);
    // Nothing to revise and nobody named twice in an empty draft: those two hold.
    const failing = items.filter((item) => item.getAttribute('data-ok') === 'false');
    expect(failing.map((item) => item.getAttribute('data-readiness'))).not.toContain('hypothesisRevision');
    expect(failing).toHaveLength(8);
    expect(screen.getByText('Encore 8 points à compléter avant le lancement.')).toBeInTheDocument();
    expect(screen.getByText('Pas d’hypothèse, pas de test.')).toBeInTheDocument();
  });

  it('says the test may be launched once everything holds', async () => {
    render(
      <TestAdmin>
        <ReadinessChecklist experiment={experimentStub.readyDraft('2026-03-01T22:59:59.999Z')} now={NOW} />
      </TestAdmin>,
    );
    const items = await itemsOf();
    expect(items.every((item) => item.getAttribute('data-ok') === 'true')).toBe(true);
    expect(screen.getByText('Tout est prêt : le test peut être lancé.')).toBeInTheDocument();
  });

  it('refuses an expiry beyond the maximum duration, as the API would', async () => {
    render(
      <TestAdmin>
        <ReadinessChecklist experiment={experimentStub.readyDraft('2028-01-01T22:59:59.999Z')} now={NOW} />
      </TestAdmin>,
    );
    const items = await itemsOf();
    const expiry = items.find((item) => item.getAttribute('data-readiness') === 'expiry');
    expect(expiry).toHaveAttribute('data-ok', 'false');
    expect(
      within(expiry as HTMLElement).getByText(/dans la durée maximale \(365 jours\)/),
    ).toBeInTheDocument();
  });

  it("counts a new iteration's hypothesis as missing until it is revised", async () => {
    render(
      <TestAdmin>
        <ReadinessChecklist
          experiment={{
            ...experimentStub.readyDraft('2026-03-01T22:59:59.999Z'),
            hypothesisNeedsRevision: true,
          }}
          now={NOW}
        />
      </TestAdmin>,
    );
    const items = await itemsOf();
    // Its own item, apart from "a hypothesis": the text is there, it is not revised yet.
    expect(items[0]).toHaveAttribute('data-ok', 'true');
    expect(items[1]).toHaveAttribute('data-readiness', 'hypothesisRevision');
    expect(items[1]).toHaveAttribute('data-ok', 'false');
    expect(
      screen.getByText("L'hypothèse reprise du test précédent doit être revue pour cette itération."),
    ).toBeInTheDocument();
  });

  it('refuses a sponsor who is also one of the pilots, as the API would', async () => {
    const ready = experimentStub.readyDraft('2026-03-01T22:59:59.999Z');
    render(
      <TestAdmin>
        <ReadinessChecklist
          experiment={{ ...ready, pilotIds: [...(ready.pilotIds ?? []), ready.sponsorId as string] }}
          now={NOW}
        />
      </TestAdmin>,
    );
    const items = await itemsOf();
    const item = items.find((i) => i.getAttribute('data-readiness') === 'sponsorNotPilot');
    expect(item).toHaveAttribute('data-ok', 'false');
    expect(
      within(item as HTMLElement).getByText(/porte le test et en assure le portage/),
    ).toBeInTheDocument();
  });

  it("applies the organisation's maximum duration (GET /api/organizations gives its settings)", async () => {
    const getMany = jest.fn(() =>
      Promise.resolve({ data: [organizationStub.nantes({ maxDurationDays: 30 })] }),
    );
    render(
      <TestAdmin dataProvider={fakeDataProvider({ getMany })}>
        {/* 38 days after NOW: within the default 365 days, beyond this organisation's 30. */}
        <ReadinessChecklist experiment={experimentStub.readyDraft('2026-03-10T22:59:59.999Z')} now={NOW} />
      </TestAdmin>,
    );
    const expiry = await screen.findByText(/dans la durée maximale \(30 jours\)/);
    expect(expiry.closest('[data-readiness]')).toHaveAttribute('data-ok', 'false');
    expect(getMany).toHaveBeenCalledWith(
      'organizations',
      expect.objectContaining({ ids: [organizationStub.nantes().id] }),
    );
  });
});
