import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/connection.js';
import type { AppConfig } from '../../config.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    config: AppConfig;
  }
}

/** Makes the database and config available to every route; the caller owns their lifecycle. */
export const dbPlugin = fp(
  async (app: FastifyInstance, opts: { db: Db; config: AppConfig }) => {
    app.decorate('db', opts.db);
    app.decorate('config', opts.config);
  },
  { name: 'db' },
);
