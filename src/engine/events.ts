import type { FailureReason, JobStatus, TaskStatus } from '../core/enums.js';

/** What the engine tells its observers, `area:subject:verb`. Observers must not throw. */
export interface EngineEventMap {
  'engine:call:started': { taskId: string; jobId: string; jobGroupId: string; lineId: string; at: number };
  'engine:call:ended': { taskId: string; jobId: string; jobGroupId: string; status: TaskStatus; at: number };
  'engine:job:finished': { jobId: string; jobGroupId: string; status: JobStatus; failureReason: FailureReason | null };
  'engine:group:completed': { jobGroupId: string; at: number };
  /** The contact policy refused a dial (the job failed) or deferred it (the job waits). */
  'engine:dial:guarded': {
    jobId: string;
    jobGroupId: string;
    verdict: 'refuse' | 'defer';
    reason: string;
    rule: string;
  };
  'engine:tick:error': { error: unknown };
}

export type EngineEventName = keyof EngineEventMap;
export type EngineListener<K extends EngineEventName> = (payload: EngineEventMap[K]) => void;

export interface EngineEvents {
  on<K extends EngineEventName>(name: K, listener: EngineListener<K>): () => void;
  emit<K extends EngineEventName>(name: K, payload: EngineEventMap[K]): void;
}

export function createEngineEvents(): EngineEvents {
  const listeners = new Map<EngineEventName, Set<(p: never) => void>>();
  return {
    on(name, listener) {
      let set = listeners.get(name);
      if (!set) {
        set = new Set();
        listeners.set(name, set);
      }
      set.add(listener as (p: never) => void);
      const added = set;
      return () => added.delete(listener as (p: never) => void);
    },
    emit(name, payload) {
      const set = listeners.get(name);
      if (!set) return;
      for (const l of set) (l as (p: typeof payload) => void)(payload);
    },
  };
}
