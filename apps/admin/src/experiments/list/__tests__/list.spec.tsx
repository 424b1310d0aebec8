import { fireEvent, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { ListContextProvider } from 'react-admin';
import { spreadsheetText } from '@capacites/domain';
import { TestAdmin } from '../../../testing/TestAdmin';
import { exportUrl, ExportMenu } from '../ExportMenu';
import { toApiExperimentFilter } from '../filters';

describe('the experiments export', () => {
  it('keeps a cell that a spreadsheet would run as a formula as text', () => {
    expect(spreadsheetText('=HYPERLINK("http://evil")')).toBe('\'=HYPERLINK("http://evil")');
    expect(spreadsheetText('-1+2')).toBe("'-1+2");
    expect(spreadsheetText('\tx')).toBe("'\tx");
    expect(spreadsheetText('Classeur médical')).toBe('Classeur médical');
  });

  it('asks the API for every row with the list’s filters, as the list sends them, and its order', () => {
    const url = new URL(
      exportUrl('experiments', 'xlsx', { state: 'running', q: 'crèche' }, { field: 'title', order: 'ASC' }),
      'http://localhost',
    );
    expect(url.pathname).toBe('/api/exports/experiments');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      format: 'xlsx',
      filter: '{"state":"running","q":"crèche"}',
      sort: '["title","ASC"]',
    });
  });

  it('offers CSV and XLSX as download links, in French, with the current filters, without axe-core violations', async () => {
    const context = {
      filterValues: { overdue: true, q: 'classeur' },
      sort: { field: 'expiresAt', order: 'DESC' },
      total: 1200,
    } as unknown as Parameters<typeof ListContextProvider>[0]['value'];
    render(
      <TestAdmin>
        <ListContextProvider value={context}>
          <ExportMenu />
        </ListContextProvider>
      </TestAdmin>,
    );
    const button = screen.getByRole('button', { name: 'Exporter' });
    expect(button).toHaveAttribute('aria-haspopup', 'menu');
    fireEvent.click(button);
    const menu = screen.getByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Tableur CSV (séparateur point-virgule)',
      'Classeur Excel (XLSX)',
    ]);
    const csv = new URL(items[0].getAttribute('href') ?? '', 'http://localhost');
    expect(items[0]).toHaveAttribute('download');
    expect(csv.pathname).toBe('/api/exports/experiments');
    expect(JSON.parse(csv.searchParams.get('filter') ?? '')).toEqual({ overdue: true, q: 'classeur' });
    expect(csv.searchParams.get('sort')).toBe('["expiresAt","DESC"]');
    expect(new URL(items[1].getAttribute('href') ?? '', 'http://localhost').searchParams.get('format')).toBe(
      'xlsx',
    );
    // WCAG 2.1 A/AA rules that jsdom can evaluate (no layout: contrast is the browser suite's).
    const results = await axe.run(document.body, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: { 'color-contrast': { enabled: false } },
    });
    expect(results.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['aria-allowed-attr']));
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
    // axe-core takes seconds in jsdom on a loaded machine: a generous timeout.
  }, 60_000);
});

describe('the list filters sent to the API', () => {
  const now = new Date('2026-02-01T10:00:00.000Z');

  it('turns "expiring soon" into running tests expiring within 30 days', () => {
    expect(toApiExperimentFilter({ expiringSoon: true }, now)).toEqual({
      expiresBefore: '2026-03-03',
      state: 'running',
    });
  });

  it('sends overdue only when ticked, and nothing for unticked toggles', () => {
    expect(toApiExperimentFilter({ overdue: true, q: 'classeur' }, now)).toEqual({
      overdue: true,
      q: 'classeur',
    });
    expect(toApiExperimentFilter({ overdue: false, expiringSoon: false }, now)).toEqual({});
  });
});
