/** JSON values as stored in jsonb columns (TypeORM's partial types cannot map `unknown`). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
