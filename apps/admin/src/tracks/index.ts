import TrackIcon from '@mui/icons-material/AltRouteOutlined';
import { lazy } from 'react';

export type { Track } from './types';

// Administration screens load on first use: most users never open them.
export const tracks = {
  list: lazy(() => import('./TrackList').then((m) => ({ default: m.TrackList }))),
  create: lazy(() => import('./TrackCreate').then((m) => ({ default: m.TrackCreate }))),
  edit: lazy(() => import('./TrackEdit').then((m) => ({ default: m.TrackEdit }))),
  icon: TrackIcon,
  recordRepresentation: 'name',
};
