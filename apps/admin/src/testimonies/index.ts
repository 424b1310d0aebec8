export { Testimonies } from './Testimonies';
export { TestimonyDialog } from './TestimonyDialog';
export { COLLECTING_STATES, testimonyFields, type Testimony } from './types';
