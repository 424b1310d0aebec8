import ExperimentIcon from '@mui/icons-material/ScienceOutlined';
import { ExperimentCreate } from './form/ExperimentCreate';
import { ExperimentEdit } from './form/ExperimentEdit';
import { ExperimentList } from './list/ExperimentList';
import { ExperimentShow } from './show/ExperimentShow';

export { StateChip } from './StateChip';
export type { Experiment, ExperimentState } from './types';

export const experiments = {
  list: ExperimentList,
  show: ExperimentShow,
  create: ExperimentCreate,
  edit: ExperimentEdit,
  icon: ExperimentIcon,
  recordRepresentation: 'title',
};
