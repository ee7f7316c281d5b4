import type { CsvRowError } from './csvRowError.js';

export interface RowErrorLog {
  add(error: CsvRowError): void;
  /** The kept errors, by line. */
  readonly errors: CsvRowError[];
  /** True once an error was dropped for the limit. */
  readonly truncated: boolean;
}

/**
 * Keeps the `limit` errors of the lowest lines. Errors mostly arrive in line order; a duplicate found when a
 * chunk is stored arrives after later rows' errors, so it is put in its place.
 */
export function createRowErrorLog(limit: number): RowErrorLog {
  const errors: CsvRowError[] = [];
  let truncated = false;
  return {
    add(error) {
      const last = errors[errors.length - 1];
      if (!last || last.row <= error.row) {
        if (errors.length < limit) errors.push(error);
        else truncated = true;
        return;
      }
      let lo = 0;
      let hi = errors.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (errors[mid]!.row <= error.row) lo = mid + 1;
        else hi = mid;
      }
      errors.splice(lo, 0, error);
      if (errors.length > limit) {
        errors.pop();
        truncated = true;
      }
    },
    errors,
    get truncated() {
      return truncated;
    },
  };
}
