import { Box, Typography } from '@mui/material';
import {
  AppBar as RaAppBar,
  TitlePortal,
  ToggleThemeButton,
  useGetIdentity,
  UserMenu,
  useTranslate,
} from 'react-admin';
import { UnreadBadge } from '../notifications';
import { LanguageMenu } from './LanguageMenu';

/**
 * react-admin's user menu, whose button shows the user's name but was named "Profil":
 * its accessible name now starts with the name shown (WCAG 2.5.3, label in name).
 */
const AppUserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <UserMenu
      label={
        identity?.fullName ? translate('app.userMenu', { name: identity.fullName }) : 'ra.auth.user_menu'
      }
    />
  );
};

/** The product name, then the current page's title; the unread notifications, the locale picker. */
export const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar
      userMenu={<AppUserMenu />}
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
