#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so `npm install && npm start` needs no build of the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
