import type { Theme } from '@mui/material/styles';
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
  // MUI's primary blue #1976d2 is 4.41:1 on react-admin's page background: too faint for
  // the small text of text buttons (filter, create, export); this one is 5.5:1.
  primary: '#1565c0',
  background: '#fafafb',
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
      // react-admin's spinners come with a text that says it (the loading page, a saving
      // button): hidden from assistive technologies rather than a second, unnamed progress
      // bar. One shown alone is given a name and made visible where it is used (Dashboard).
      MuiCircularProgress: { defaultProps: { 'aria-hidden': true } },
      // The loading page's text, greyed by react-admin to 2.7:1, readable (4.5:1).
      RaLoading: {
        styleOverrides: {
          root: ({ theme }: { theme: Theme }) => ({
            '& .RaLoading-message': { color: theme.palette.text.secondary },
          }),
        },
      },
      // The help under a read-only field (the slug once created) stays readable: MUI greys
      // it to 2.7:1 with the disabled field, but it is text for the reader, not the control.
      MuiFormHelperText: {
        styleOverrides: {
          root: ({ theme }: { theme: Theme }) => ({
            '&.Mui-disabled': { color: theme.palette.text.secondary },
          }),
        },
      },
    },
  };
}

export const lightTheme: RaThemeOptions = withAccessibility(
  {
    ...defaultLightTheme,
    palette: {
      ...defaultLightTheme.palette,
      primary: { light: '#5e92f3', main: PALETTE.primary, dark: '#003c8f', contrastText: '#fff' },
      background: { ...defaultLightTheme.palette?.background, default: PALETTE.background },
      secondary: { light: '#5e92f3', main: PALETTE.secondary, dark: '#003c8f', contrastText: '#fff' },
      warning: { main: PALETTE.warning, contrastText: '#fff' },
      info: { main: PALETTE.info, contrastText: '#fff' },
    },
  },
  PALETTE.focus,
);

export const darkTheme: RaThemeOptions = withAccessibility(defaultDarkTheme, PALETTE.focusOnDark);
