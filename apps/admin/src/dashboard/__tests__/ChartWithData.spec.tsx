import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TestAdmin } from '../../testing/TestAdmin';
import { ChartWithData } from '../Charts';

describe('a chart’s text alternative', () => {
  it('hides the drawing from assistive technologies and offers its figures as a table behind a native disclosure', async () => {
    render(
      <TestAdmin>
        <ChartWithData
          chart={<svg data-testid="drawing" />}
          headers={['Piste', 'Tous', 'En cours']}
          rows={[
            ['Micro-mobilité professionnelle', 4, 2],
            ['Sans piste', 1, 0],
          ]}
        />
      </TestAdmin>,
    );
    expect(screen.getByTestId('drawing').parentElement).toHaveAttribute('aria-hidden', 'true');
    const summary = screen.getByText('Voir les données du graphique');
    const details = summary.closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    // A native <summary>: browsers make it focusable and operable with Enter and Space.
    await userEvent.click(summary);
    expect(details.open).toBe(true);
    const table = within(details).getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Piste', 'Tous', 'En cours']);
    const row = within(table)
      .getByRole('rowheader', { name: 'Micro-mobilité professionnelle' })
      .closest('tr');
    expect(
      within(row as HTMLElement)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['4', '2']);
  });
});
