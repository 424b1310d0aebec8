import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EXPERIMENT_STATES, stateAppearance } from '../../experiments/states';
import { TAPE_COLORS } from '../../experiments/show/TestTape';
import { LanguageMenu } from '../../layout/LanguageMenu';
import { PALETTE } from '../../layout/theme';
import { TestAdmin } from '../../testing/TestAdmin';
import { contrastRatio, DocumentLang, TEXT_CONTRAST } from '..';

describe('the contrast ratio', () => {
  it('follows the WCAG formula', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBe(1);
    // MUI's default info blue under white text: the case that fails 4.5:1.
    expect(contrastRatio('#ffffff', '#0288d1')).toBeLessThan(TEXT_CONTRAST);
  });

  it('refuses what is not a #rrggbb colour', () => {
    expect(() => contrastRatio('red', '#ffffff')).toThrow('#rrggbb');
  });
});

describe('the colours of the back-office (RGAA 3.2: text at 4.5:1 at least)', () => {
  it.each(EXPERIMENT_STATES)('make the "%s" state chip readable', (state) => {
    const { text, background } = stateAppearance(state);
    expect(contrastRatio(text, background)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });

  it('make the EN TEST tape readable', () => {
    expect(contrastRatio(TAPE_COLORS.text, TAPE_COLORS.background)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });

  it("make the primary colour readable as small text on the page's background (text buttons)", () => {
    expect(contrastRatio(PALETTE.primary, PALETTE.background)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(contrastRatio(PALETTE.primary, '#ffffff')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
  });

  it.each(['primary', 'secondary', 'warning', 'info'] as const)(
    "make white text readable on the theme's %s colour (app bar, buttons)",
    (color) => {
      expect(contrastRatio('#ffffff', PALETTE[color])).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    },
  );
});

describe('the language of the document', () => {
  it('is French first, and follows the language the user picks', async () => {
    document.documentElement.lang = '';
    render(
      <TestAdmin>
        <DocumentLang />
        <LanguageMenu />
      </TestAdmin>,
    );
    await waitFor(() => expect(document.documentElement.lang).toBe('fr'));
    await userEvent.click(screen.getByRole('button', { name: 'FR, Langue : Français' }));
    const english = await screen.findByRole('menuitem', { name: 'English' });
    // The language's name is marked in its own language (RGAA 8.7).
    expect(english).toHaveAttribute('lang', 'en');
    await userEvent.click(english);
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
    expect(await screen.findByRole('button', { name: 'EN, Language: English' })).toBeInTheDocument();
  });
});
