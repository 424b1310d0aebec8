export * from './experiment/experiment-state';
export * from './experiment/experiment-id';
export * from './experiment/experiment.schema';
export * from './organization/organization';
export * from './validation';
