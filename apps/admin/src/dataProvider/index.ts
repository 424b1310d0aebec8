import simpleRestProvider from 'ra-data-simple-rest';

/** Same origin as the back-office: the API serves it, and Vite proxies /api in dev. */
export const API_URL = '/api';

// The API follows simple REST conventions as they are; nothing to override yet.
export const dataProvider = simpleRestProvider(API_URL);
