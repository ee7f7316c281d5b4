import { parentPort, workerData } from 'node:worker_threads';
import { type ClientTask, runClientTask } from './apiClient.js';

/** The thread bench/api.ts runs its HTTP clients on. */
runClientTask(workerData as ClientTask).then(
  (result) => parentPort?.postMessage(result),
  (error: unknown) => parentPort?.postMessage({ error: String(error) }),
);
