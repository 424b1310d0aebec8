// Runs the TypeScript sources directly (API, worker, scripts) with SWC, honouring the
// root tsconfig: path aliases and decorator metadata, which NestJS and TypeORM need.
const { join } = require('node:path');

process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
