import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { RecordingStore } from '../../recordings/recordingStore.js';
import type { SecretBox } from '../../service/credentials/secretBox.js';
import type { ServiceDeps } from '../../service/deps.js';

/** What every REST route module is given. */
export interface RestContext {
  deps: ServiceDeps;
  box: SecretBox;
  recordings?: RecordingStore;
}

export type Router = FastifyInstance['withTypeProvider'] extends () => infer R ? R : never;
export const typed = (app: FastifyInstance) => app.withTypeProvider<ZodTypeProvider>();
