import { lazy } from 'react';
import ExperimentIcon from '@mui/icons-material/ScienceOutlined';
import { ExperimentList } from './list/ExperimentList';

export { StateChip } from './StateChip';
export type { Experiment, ExperimentState } from './types';

// The list is the first screen; the experiment page and the forms (with the domain's
// validation schemas) load when opened, which keeps the first screen's JavaScript small.
export const experiments = {
  list: ExperimentList,
  show: lazy(() => import('./show/ExperimentShow').then((m) => ({ default: m.ExperimentShow }))),
  create: lazy(() => import('./form/ExperimentCreate').then((m) => ({ default: m.ExperimentCreate }))),
  edit: lazy(() => import('./form/ExperimentEdit').then((m) => ({ default: m.ExperimentEdit }))),
  icon: ExperimentIcon,
  recordRepresentation: 'title',
};
