import { OutdialError } from '../../../core/errors.js';

/**
 * How a service's field name reads as the request parameter it came from: `strategy` → `StrategyJson`
 * (so `strategy.workingTime[0].endTime` → `StrategyJson.workingTime[0].endTime`). With `repeat`, the
 * field is a list given as a repeat parameter: `jobs[3].contacts[0]` → `JobsJson.4.contacts[0]`.
 */
export interface FieldRename {
  from: string;
  to: string;
  repeat?: boolean;
}

const INDEXED = /^\[(\d+)\](.*)$/;

/** The parameter `field` names under these renames, or undefined when none applies. */
export function wireFieldName(field: string, renames: readonly FieldRename[]): string | undefined {
  for (const r of renames) {
    if (!field.startsWith(r.from)) continue;
    const rest = field.slice(r.from.length);
    if (rest === '' || rest.startsWith('.')) return r.to + rest;
    const m = INDEXED.exec(rest);
    if (m) return r.repeat ? `${r.to}.${Number(m[1]) + 1}${m[2]}` : r.to + rest;
  }
  return undefined;
}

/**
 * The error with its field named as the caller sent it: the message's leading `field:` and
 * `details.field` are rewritten, the code is kept. Any other error is returned as it is.
 */
export function inWireNames(error: unknown, renames: readonly FieldRename[]): unknown {
  if (!(error instanceof OutdialError)) return error;
  const field = error.details.field;
  if (typeof field !== 'string') return error;
  const wire = wireFieldName(field, renames);
  if (wire === undefined) return error;
  const message = error.message.startsWith(`${field}:`)
    ? `${wire}${error.message.slice(field.length)}`
    : `${wire}: ${error.message}`;
  return new OutdialError(error.code, message, { ...error.details, field: wire }, { cause: error });
}

/** Runs a service call, naming any field its errors point at by the request parameter. */
export async function withWireNames<T>(renames: readonly FieldRename[], run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw inWireNames(error, renames);
  }
}
