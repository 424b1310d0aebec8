import LearningIcon from '@mui/icons-material/LightbulbOutlined';
import { lazy } from 'react';

export type { SharedLearning } from './SharedLearningList';

export const sharedLearnings = {
  list: lazy(() => import('./SharedLearningList').then((m) => ({ default: m.SharedLearningList }))),
  icon: LearningIcon,
};
