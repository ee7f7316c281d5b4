import type { TaskStatus } from '../../core/enums.js';

/**
 * What happens before a call is answered or ends:
 * - `ring`: the callee's phone rings (onRinging fires), then the call is answered or rejected;
 * - `untilTimeout`: it rings until the request's ring timeout (NoAnswer);
 * - `announce`: no ringing; the network plays a message (or says nothing) and clears the call.
 */
export type SimEarlyPhase = 'ring' | 'untilTimeout' | 'announce';

/** How the network signals one outcome: the SIP final response, the Q.850 cause name, the early phase. */
export interface SimStatusSignal {
  sipCode: number;
  hangupCause: string;
  early: SimEarlyPhase;
}

/**
 * The outcomes a simulated call can end with (TaskStatus names) and their default network signals.
 * Profiles may override `sipCode`/`hangupCause` per entry (e.g. a 503 variant of Failed).
 */
export const SIM_STATUS_SIGNALS = {
  Succeeded: { sipCode: 200, hangupCause: 'NORMAL_CLEARING', early: 'ring' },
  NoAnswer: { sipCode: 480, hangupCause: 'NO_ANSWER', early: 'untilTimeout' },
  Busy: { sipCode: 486, hangupCause: 'USER_BUSY', early: 'ring' },
  PoweredOff: { sipCode: 480, hangupCause: 'SUBSCRIBER_ABSENT', early: 'announce' },
  NotConnected: { sipCode: 408, hangupCause: 'RECOVERY_ON_TIMER_EXPIRE', early: 'announce' },
  EmptyNumber: { sipCode: 404, hangupCause: 'UNALLOCATED_NUMBER', early: 'announce' },
  NotExist: { sipCode: 484, hangupCause: 'INVALID_NUMBER_FORMAT', early: 'announce' },
  OutOfService: { sipCode: 502, hangupCause: 'DESTINATION_OUT_OF_ORDER', early: 'announce' },
  InArrears: { sipCode: 403, hangupCause: 'INCOMING_CALL_BARRED', early: 'announce' },
  Failed: { sipCode: 500, hangupCause: 'NORMAL_TEMPORARY_FAILURE', early: 'announce' },
  CallerNotRegistered: { sipCode: 503, hangupCause: 'SERVICE_UNAVAILABLE', early: 'announce' },
} as const satisfies Partial<Record<keyof typeof TaskStatus, SimStatusSignal>>;

/** A TaskStatus name a simulated call can end with (besides Terminated, which only an abort gives). */
export type SimStatusName = keyof typeof SIM_STATUS_SIGNALS;

export const isSimStatusName = (s: unknown): s is SimStatusName =>
  typeof s === 'string' && Object.hasOwn(SIM_STATUS_SIGNALS, s);
