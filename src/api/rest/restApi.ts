import type { FastifyInstance } from 'fastify';
import { errorReply } from '../replyError.js';
import { authenticate } from './auth.js';
import type { RestContext } from './context.js';
import { csvImportRoutes } from './routes/csvImport.js';
import { instanceRoutes } from './routes/instances.js';
import { jobGroupRoutes } from './routes/jobGroups.js';
import { jobRoutes } from './routes/jobs.js';
import { lineGroupRoutes } from './routes/lineGroups.js';
import { policyRoutes } from './routes/policy.js';
import { recordingRoutes } from './routes/recordings.js';
import { scriptRoutes } from './routes/scripts.js';
import { subscriptionRoutes } from './routes/subscriptions.js';

/** REST /v1: every route authenticated by a bearer API key; errors as `{ error: { code, message, field, issues? } }`. */
export async function restApi(app: FastifyInstance, ctx: RestContext): Promise<void> {
  app.decorateRequest('caller', null);
  app.addHook('preHandler', authenticate(ctx.deps));
  app.setErrorHandler(errorReply);
  // `curl -X POST -H 'Content-Type: application/json' …/pause` sends no body: that is no body, not bad JSON.
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    if (body === '') done(null, undefined);
    else json(req, body as string, done);
  });
  instanceRoutes(app, ctx);
  lineGroupRoutes(app, ctx);
  scriptRoutes(app, ctx);
  jobGroupRoutes(app, ctx);
  jobRoutes(app, ctx);
  csvImportRoutes(app, ctx);
  subscriptionRoutes(app, ctx);
  policyRoutes(app, ctx);
  recordingRoutes(app, ctx);
}
