import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { OutdialError } from '../../../core/errors.js';
import { getRecordingOf } from '../../../service/recordings/getRecordingOf.js';
import { callerInstance } from '../auth.js';
import type { RestContext } from '../context.js';
import { typed } from '../context.js';
import { errorSchema } from '../schemas.js';

const tags = ['recordings'];

/** Calls' recordings: the audio of an answered call, by its task id (the `url` its events and task carry). */
export function recordingRoutes(app: FastifyInstance, { deps, recordings }: RestContext): void {
  const r = typed(app);

  r.get(
    '/v1/recordings/:taskId',
    {
      config: { signedLink: true },
      schema: {
        tags,
        summary: "A call's recording (audio/wav, 8 kHz µ-law), by its task id: with the API key, or a pre-signed link",
        params: z.object({ taskId: z.string().min(1).max(64) }),
        querystring: z
          .object({
            Expires: z.coerce.number().int().optional().describe('a pre-signed link (DownloadRecording): unix seconds'),
            Signature: z.string().max(128).optional().describe('a pre-signed link: no API key needed'),
          })
          .strict(),
        response: {
          200: z.custom<Readable>().describe('the WAV file'),
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const { taskId } = req.params;
      const { Expires, Signature } = req.query;
      if (Signature !== undefined && !deps.recordingLinks?.verify(taskId, Expires ?? 0, Signature, deps.clock.now())) {
        throw new OutdialError('FORBIDDEN', 'the link has expired or its signature is not valid; ask for a new one', {
          field: 'Signature',
        });
      }
      const recording = await getRecordingOf(deps, Signature !== undefined ? null : callerInstance(req), taskId);
      const file = await recordings?.open(taskId);
      if (!file) {
        throw new OutdialError('RECORDING_NOT_FOUND', `taskId: the recording of task ${taskId} is no longer kept`, {
          field: 'taskId',
        });
      }
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.size)
        .header('content-disposition', `attachment; filename="${recording.fileName}"`)
        .send(file.stream);
    },
  );
}
