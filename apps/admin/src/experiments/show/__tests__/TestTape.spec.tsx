import { render, screen } from '@testing-library/react';
import { TestAdmin, fakeDataProvider } from '../../../testing/TestAdmin';
import { experimentStub } from '../../../testing/experimentStub';
import { FicheTest } from '../FicheTest';
import { TestTape } from '../TestTape';

// The organisation's zone decides the day: 22:59:59Z on 12 March is the end of that day in Paris.
const paris = fakeDataProvider({
  getMany: jest.fn(() =>
    Promise.resolve({
      data: [
        { id: experimentStub.running().organizationId, name: 'Ville de Nantes', timeZone: 'Europe/Paris' },
      ],
    }),
  ),
});

describe('the "EN TEST" look', () => {
  it("tapes a running test with its end date, in the organisation's time zone", async () => {
    render(
      <TestAdmin dataProvider={paris}>
        <TestTape experiment={experimentStub.running('2026-03-12T22:59:59.999Z')} />
      </TestAdmin>,
    );
    const tape = await screen.findByRole('note');
    expect(tape).toHaveTextContent("EN TEST — jusqu'au 12 mars 2026");
  });

  it("reads the date in a zone far from Paris as that zone's day", async () => {
    const noumea = fakeDataProvider({
      getMany: jest.fn(() =>
        Promise.resolve({
          data: [{ id: experimentStub.running().organizationId, name: 'Nouméa', timeZone: 'Pacific/Noumea' }],
        }),
      ),
    });
    render(
      <TestAdmin dataProvider={noumea}>
        <TestTape experiment={experimentStub.running('2026-03-12T12:59:59.999Z')} />
      </TestAdmin>,
    );
    expect(await screen.findByText("EN TEST — jusqu'au 12 mars 2026")).toBeInTheDocument();
  });

  it('leaves a draft without tape', () => {
    const { container } = render(
      <TestAdmin dataProvider={paris}>
        <TestTape experiment={experimentStub.readyDraft()} />
      </TestAdmin>,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('puts the same words as a watermark on the printable fiche test', async () => {
    render(
      <TestAdmin dataProvider={paris}>
        <FicheTest experiment={experimentStub.running('2026-03-12T22:59:59.999Z')} />
      </TestAdmin>,
    );
    const watermark = await screen.findByTestId('test-watermark');
    expect(watermark).toHaveAttribute('aria-hidden', 'true');
    expect(watermark).toHaveTextContent("EN TEST — jusqu'au 12 mars 2026");
    expect(screen.getByTestId('fiche-test')).toHaveTextContent(experimentStub.running().hypothesis);
  });
});
