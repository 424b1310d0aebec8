export { AppBar } from './AppBar';
export { Layout } from './Layout';
export { Menu } from './Menu';
export { LoginPage } from './LoginPage';
export { darkTheme, lightTheme, PALETTE } from './theme';
