export * from './load-config';
export * from './database.config';
export * from './temporal.config';
export * from './logging.config';
export * from './payload-codec';
export * from './data-encryption';
export * from './outbound.config';
export * from './network-policy';
