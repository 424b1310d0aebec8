export * from './entities';
export * from './data-source';
export { MIGRATIONS } from './migrations';
export * from './queries/orphaned-experiments';
export * from './queries/user-references';
