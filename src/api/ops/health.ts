import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { isMigrated } from '../../store/migrate.js';
import type { Store } from '../../store/openStore.js';
import type { Metrics } from './metrics.js';

export interface HealthState {
  /** Set when shutdown begins: the process stops taking new work, so load balancers should look elsewhere. */
  draining: boolean;
}

/** /healthz (the process answers), /readyz (store reachable and migrated, not draining), /metrics. */
export function opsRoutes(app: FastifyInstance, o: { store: Store; metrics: Metrics; state: HealthState }): void {
  const plain = { config: { rateLimit: false }, schema: { hide: true } };
  app.get('/healthz', plain, async () => ({ status: 'ok' }));
  app.get('/readyz', plain, async (_req, reply) => {
    if (o.state.draining) return reply.code(503).send({ status: 'unavailable', reason: 'shutting down' });
    try {
      await sql`select 1`.execute(o.store.db);
      if (!(await isMigrated(o.store.db, o.store.schema))) {
        return reply.code(503).send({ status: 'unavailable', reason: 'database migrations are not applied' });
      }
    } catch {
      return reply.code(503).send({ status: 'unavailable', reason: 'the database cannot be reached' });
    }
    return { status: 'ready' };
  });
  app.get('/metrics', plain, async (_req, reply) =>
    reply.type(o.metrics.registry.contentType).send(await o.metrics.registry.metrics()),
  );
}
