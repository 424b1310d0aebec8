import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { experimentStub } from '../../testing/experimentStub';
import { fakeDataProvider, TestAdmin } from '../../testing/TestAdmin';
import { ActionDialog } from '../../experiments/actions/ActionDialog';
import { dayToIso, isoToDay } from '../DayInput';

describe('a day typed the French way', () => {
  it('is shown as jj/mm/aaaa and sent as YYYY-MM-DD', () => {
    expect(isoToDay('2026-03-12')).toBe('12/03/2026');
    expect(dayToIso('12/03/2026')).toBe('2026-03-12');
    expect(dayToIso('1/3/2026')).toBe('2026-03-01');
  });

  it('keeps an ISO day, and an unfinished entry as typed (the schema refuses it)', () => {
    expect(dayToIso('2026-03-12')).toBe('2026-03-12');
    expect(dayToIso('12/03/20')).toBe('12/03/20');
    expect(isoToDay(null)).toBe('');
  });

  it('is what the extension request sends', async () => {
    const runAction = jest.fn().mockResolvedValue({});
    const experiment = experimentStub.running();
    render(
      <TestAdmin dataProvider={fakeDataProvider({ runAction })}>
        <ActionDialog experiment={experiment} action="requestExtension" open onClose={jest.fn()} />
      </TestAdmin>,
    );
    const day = await screen.findByLabelText(/Nouvelle date de péremption/);
    expect(day).toHaveAttribute('placeholder', 'jj/mm/aaaa');
    await userEvent.type(day, '31/13/2026');
    await userEvent.type(screen.getByLabelText(/Justification/), 'Les retours arrivent en avril');
    await userEvent.click(screen.getByRole('button', { name: 'Demander une prolongation' }));
    expect(await screen.findByText('Une date est attendue (JJ/MM/AAAA)')).toBeInTheDocument();
    expect(runAction).not.toHaveBeenCalled();
    await userEvent.clear(day);
    await userEvent.type(day, '30/04/2026');
    await userEvent.click(screen.getByRole('button', { name: 'Demander une prolongation' }));
    await waitFor(() =>
      expect(runAction).toHaveBeenCalledWith(experiment.id, 'requestExtension', {
        newExpiryDate: '2026-04-30',
        justification: 'Les retours arrivent en avril',
      }),
    );
  });
});
