import { Box, Typography } from '@mui/material';
import { AppBar as RaAppBar, TitlePortal, ToggleThemeButton, useTranslate } from 'react-admin';
import { UnreadBadge } from '../notifications';
import { LanguageMenu } from './LanguageMenu';

/** The product name, then the current page's title; the unread notifications, the locale picker. */
export const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar
      toolbar={
        <>
          <UnreadBadge />
          <LanguageMenu />
          <ToggleThemeButton />
        </>
      }
    >
      <Typography
        variant="h6"
        component="span"
        color="inherit"
        sx={{ fontWeight: 700, mr: 2, whiteSpace: 'nowrap' }}
      >
        {translate('app.title')}
      </Typography>
      <Box component="span" sx={{ mr: 2, opacity: 0.6 }} aria-hidden>
        /
      </Box>
      <TitlePortal />
    </RaAppBar>
  );
};
