/** @jsxImportSource preact */
// The public answer page (/q/<code>): preact and native controls, no react-admin nor MUI,
// so that a phone on a slow network loads it quickly (first-load JavaScript under 100 kB
// gzip, measured by apps/admin/e2e/questionnaires.e2e-spec.ts on the built output).
import { render } from 'preact';
import { AnswerPage } from './AnswerPage';
import './style.css';

const root = document.getElementById('root');
if (root) {
  root.textContent = '';
  render(<AnswerPage pathname={window.location.pathname} />, root);
}
