import type { ReactNode } from 'react';
import { Layout as RaLayout } from 'react-admin';
import { DocumentLang } from '../a11y';
import { TotpEnrolmentGate } from '../profile/TotpEnrolmentGate';
import { AppBar } from './AppBar';
import { Menu } from './Menu';

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout appBar={AppBar} menu={Menu}>
    <DocumentLang />
    <TotpEnrolmentGate>{children}</TotpEnrolmentGate>
  </RaLayout>
);
