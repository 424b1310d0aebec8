export { ReplicateButton } from './ReplicateButton';
export { Provenance } from './Provenance';
