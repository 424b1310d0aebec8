// Every migration, in order. Migrations are never edited once merged: add a new one.
import { Foundation1795831999790 } from './1795831999790-Foundation';

export const MIGRATIONS = [Foundation1795831999790];
