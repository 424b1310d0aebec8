export * from './departement';
export * from './working-days';
export * from './french-holidays';
export * from './digest-period';
