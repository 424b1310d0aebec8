export * from './entities';
export * from './data-source';
export type { Json, JsonObject } from './json';
