import type { TaskStatus } from '../core/enums.js';
import type { CompiledScript } from '../robot/compileScript.js';
import type { CallGrade, SessionState } from '../robot/runtime/types.js';

/** What the engine asks a telephony adapter to do: place one call on one line. */
export interface DialRequest {
  taskId: string;
  lineGroupId: string;
  lineId: string;
  callingNumber: string;
  /** E.164 of the callee. */
  calledNumber: string;
  /** Abandon the call as NoAnswer when nobody answers within this many ms (RingingDuration). */
  ringTimeoutMs: number;
  /** Channel variables / script variables passed through to the call. */
  variables: Record<string, string>;
  /** The voice robot that talks once the call is answered (its variables are `variables`). */
  robot?: { script: CompiledScript; version: number };
  /** Record the answered part of the call and return it as the result's `recording`. */
  record?: boolean;
}

/** A call's recording as the adapter captured it: one whole audio file. */
export interface CallRecording {
  contentType: 'audio/wav';
  data: Uint8Array;
  /** Length of the audio, ms. */
  durationMs: number;
}

/** What the robot made of an answered call: the whole conversation and its grade. */
export interface CallConversation {
  state: SessionState;
  grade: CallGrade;
}

/** Progress the adapter reports while a call runs. Times are the adapter's Clock, UTC ms. */
export interface DialHooks {
  onRinging?(at: number): void;
  onAnswered?(at: number): void;
}

/**
 * How a call ended. An expected outcome, never a thrown error: throw only for bugs and broken
 * infrastructure.
 */
export interface DialResult {
  /** Any TaskStatus except Executing. */
  status: TaskStatus;
  /** Free text from the network: `NORMAL_CLEARING`, `USER_BUSY`, `NO_ANSWER`, … */
  hangupCause: string;
  sipCode: number | null;
  /** When the call left (the adapter's clock). */
  startedAt: number;
  answeredAt: number | null;
  endedAt: number;
  ringDuration: number;
  talkDuration: number;
  /**
   * True when the line, not the callee, failed (trunk down, caller not registered): the engine
   * retries the same attempt at once on the next line group, as a failover.
   */
  lineFailure: boolean;
  /** Present when a robot talked on the answered call and the call ran to its end. */
  conversation?: CallConversation;
  /** Why the robot could not talk on an answered call (e.g. a variable the job lacks). */
  robotError?: string;
  /** The recording of an answered call, when the request asked for one. */
  recording?: CallRecording;
}

export interface TelephonyPort {
  /** Places a call and resolves when it has ended. Aborting the signal hangs up (status Terminated). */
  dial(request: DialRequest, hooks?: DialHooks, signal?: AbortSignal): Promise<DialResult>;
}
