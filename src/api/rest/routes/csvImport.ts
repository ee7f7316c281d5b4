import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { OutdialError } from '../../../core/errors.js';
import { parseCsvMapping } from '../../../service/importJobs/csvMapping.js';
import { importJobsCsv } from '../../../service/importJobs/importJobsCsv.js';
import { getJobGroupOf } from '../../../service/jobGroups/index.js';
import { callerInstance } from '../auth.js';
import type { RestContext } from '../context.js';
import { typed } from '../context.js';
import { errorSchema, idParams } from '../schemas.js';

const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];

/** CSV upload of jobs: streamed row by row, good rows stored in chunks, bad rows reported by line. */
export function csvImportRoutes(app: FastifyInstance, { deps }: RestContext): void {
  // The body stays a stream: a million-row file is never held in memory.
  app.addContentTypeParser(CSV_TYPES, (_req, payload, done) => done(null, payload));
  const r = typed(app);
  r.post(
    '/v1/job-groups/:id/jobs/csv',
    {
      schema: {
        tags: ['jobs'],
        summary: 'Upload jobs as CSV (content-type text/csv); returns a per-row error report',
        description:
          'Query: map.phoneNumber, map.referenceId, map.name, map.honorific, map.timeZone, map.priority name the columns (header names, any case; defaults are the field names); extras=* (every other column, default), a comma-separated list, or empty for none; delimiter=, ; or tab; strategy=StrategyJson overriding the group’s. Bad rows are skipped and listed with their line number; good rows are stored.',
        params: idParams,
        querystring: z.record(z.string(), z.string()),
        response: {
          200: z.object({
            jobGroupId: z.string(),
            rows: z.number().int(),
            accepted: z.number().int(),
            rejected: z.number().int(),
            errors: z.array(
              z.object({ row: z.number().int(), field: z.string(), code: z.string(), message: z.string() }),
            ),
            errorsTruncated: z.boolean(),
            jobIds: z.array(z.string()).optional(),
          }),
          400: errorSchema,
          401: errorSchema,
          404: errorSchema,
          415: errorSchema,
        },
      },
    },
    async (req) => {
      const instanceId = callerInstance(req);
      const { strategy, ...mappingQuery } = req.query;
      const mapping = parseCsvMapping(mappingQuery);
      await getJobGroupOf(deps, instanceId, req.params.id);
      const csv = req.body as Readable | undefined;
      if (!csv || typeof (csv as Readable).pipe !== 'function') {
        throw new OutdialError('UNSUPPORTED_MEDIA_TYPE', `send the file with content-type ${CSV_TYPES[0]}`);
      }
      const report = await importJobsCsv(deps, {
        instanceId,
        jobGroupId: req.params.id,
        csv,
        mapping,
        ...(strategy !== undefined ? { strategy } : {}),
      });
      deps.wake?.();
      return report;
    },
  );
}
