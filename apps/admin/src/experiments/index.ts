import ExperimentIcon from '@mui/icons-material/ScienceOutlined';
import { ExperimentCreate } from './ExperimentCreate';
import { ExperimentList } from './ExperimentList';
import { ExperimentShow } from './ExperimentShow';

export { StateChip } from './StateChip';
export type { Experiment, ExperimentState } from './types';

export const experiments = {
  list: ExperimentList,
  show: ExperimentShow,
  create: ExperimentCreate,
  icon: ExperimentIcon,
  recordRepresentation: 'title',
};
