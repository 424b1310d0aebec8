import { defaultDarkTheme, defaultLightTheme, type RaThemeOptions } from 'react-admin';

/**
 * react-admin's themes, with what RGAA asks of them:
 * - text on coloured backgrounds at 4.5:1 at least (react-admin's secondary blue, used by
 *   the app bar, and MUI's warning orange and info blue carry white text at about 3:1);
 * - a focus indicator that is always visible when moving with the keyboard (MUI's own is
 *   a faint ripple on buttons and nothing on links).
 * The colours are checked by layout/__tests__/theme.spec.tsx.
 */
export const PALETTE = {
  secondary: '#1565c0',
  warning: '#b45309',
  info: '#0277bd',
  focus: '#1a1a1a',
  focusOnDark: '#ffd600',
} as const;

const focusRing = (color: string) => ({
  outline: `3px solid ${color}`,
  outlineOffset: '2px',
});

function withAccessibility(base: RaThemeOptions, focusColor: string): RaThemeOptions {
  const ring = focusRing(focusColor);
  return {
    ...base,
    // Wide enough for "Tableau de bord CODIR" and "Enseignements partagés" in full.
    sidebar: { width: 280, closedWidth: 50 },
    components: {
      ...base.components,
      MuiCssBaseline: {
        styleOverrides: {
          'a:focus-visible, [tabindex]:focus-visible': ring,
        },
      },
      MuiButtonBase: {
        styleOverrides: { root: { '&.Mui-focusVisible': ring } },
      },
      MuiChip: { styleOverrides: { root: { '&.Mui-focusVisible': ring } } },
    },
  };
}

export const lightTheme: RaThemeOptions = withAccessibility(
  {
    ...defaultLightTheme,
    palette: {
      ...defaultLightTheme.palette,
      secondary: { light: '#5e92f3', main: PALETTE.secondary, dark: '#003c8f', contrastText: '#fff' },
      warning: { main: PALETTE.warning, contrastText: '#fff' },
      info: { main: PALETTE.info, contrastText: '#fff' },
    },
  },
  PALETTE.focus,
);

export const darkTheme: RaThemeOptions = withAccessibility(defaultDarkTheme, PALETTE.focusOnDark);
