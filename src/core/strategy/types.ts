import type { FailureReason } from '../enums.js';

/**
 * A calling strategy, parsed and validated (see parseStrategy.ts for the vendor JSON it comes from).
 * Instants are UTC milliseconds; windows and holidays are wall-clock times in the job's zone.
 */
export type RepeatBy =
  /** No RepeatBy given: dial at once, no windows, no day rules; start/end still bound it if given. */
  | 'immediate'
  /** Every day inside startTime/endTime, inside the working windows. */
  | 'once'
  /** Same as `once` (accepted from vendors that write it). */
  | 'day'
  /** Only on `repeatDays` weekdays (0 = Sunday … 6 = Saturday). */
  | 'week'
  /** Only on `repeatDays` days of the month (1 … 31). */
  | 'month';

/** A daily window, seconds since local midnight, half-open [begin, end). end may be 86400 ("24:00:00"). */
export interface DailyWindow {
  begin: number;
  end: number;
}

/** A range of local wall-clock time when nothing is dialled, e.g. "2020-01-20 12:00" to "2020-01-21 12:00". */
export interface Holiday {
  /** Local ISO date-time without zone, "YYYY-MM-DDTHH:mm:ss". */
  begin: string;
  end: string;
}

export interface Strategy {
  name?: string;
  repeatBy: RepeatBy;
  /** Weekdays (week) or days of month (month); empty for other modes. Sorted, unique. */
  repeatDays: number[];
  /** Sorted, non-overlapping. Empty means the whole day. */
  workingTime: DailyWindow[];
  holidays: Holiday[];
  startTime?: number;
  endTime?: number;
  maxAttemptsPerDay: number;
  /** Minutes to wait after an unanswered attempt ended before the next may start. */
  minAttemptInterval: number;
  /**
   * Cap on attempts over the job's whole life (Outdial extension). When absent: unlimited if endTime is
   * given, else maxAttemptsPerDay (see totalAttemptCap.ts).
   */
  maxAttempts?: number;
}

/** What a task ending in these statuses does to the job (RecallStrategyJson). */
export interface RecallStrategy {
  emptyNumberIgnore: boolean;
  inArrearsIgnore: boolean;
  outOfServiceIgnore: boolean;
}

/** The attempt history a strategy decision needs; kept on the job row. */
export interface AttemptHistory {
  /** Attempts started over the job's life. */
  attempts: number;
  /** Local calendar day ("YYYY-MM-DD", job's zone) of the latest attempt, null before the first. */
  dayKey: string | null;
  /** Attempts started on `dayKey`. */
  dayAttempts: number;
  /** When the latest attempt ended (UTC ms), null before the first. */
  lastEndedAt: number | null;
}

/** When a job may next be dialled (nextAttemptAt). */
export type NextAttempt = { kind: 'at'; at: number } | { kind: 'never'; reason: 'TimeUp' | 'AttemptsExhausted' };

/** What becomes of a job after an attempt ended (decideAfterAttempt). */
export type AttemptDecision =
  | { kind: 'succeed' }
  | { kind: 'fail'; reason: FailureReason }
  | { kind: 'retry'; at: number };
