// Entry point for the TypeORM CLI only (`typeorm migration:generate`); the apps build
// their data source from their own validated config.
import { createDataSource } from './data-source';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required to run the TypeORM CLI');

export default createDataSource({ url });
