import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { invalidField, OutdialError } from '../../core/errors.js';
import { analyzeNumberList } from '../../store/policy/analyzeNumberList.js';
import type { NumberList } from '../../store/policy/numberListEntry.js';
import { type NewListEntry, upsertListEntries } from '../../store/policy/upsertListEntries.js';
import type { ServiceDeps } from '../deps.js';
import { checkListEntryOptions, MAX_LIST_REASON_LENGTH } from './listEntryOptions.js';
import { parseNumberPattern } from './parseNumberPattern.js';
import { createRecordLineCounter } from './recordLineCounter.js';

export interface NumberListImportInput {
  /** An instance id, or GLOBAL_SCOPE for the operator's global block list. */
  scope: string;
  list: NumberList;
  /** The CSV file: a stream (an upload) or its whole text. */
  csv: NodeJS.ReadableStream | Readable | string;
  delimiter?: string;
  /** For rows without a reason column (or an empty cell there). */
  reason?: string;
  /** UTC ms; absent = the entries never expire. */
  expiresAt?: number | null;
  /** Called after each stored chunk and at the end. */
  onProgress?: (p: { rows: number; accepted: number; rejected: number }) => void;
}

/** One rejected row: its line in the file, the cell as written, and why. */
export interface NumberListRowError {
  line: number;
  value: string;
  message: string;
}

export interface NumberListImportReport {
  /** Data rows read: the header and blank lines are not counted. */
  rows: number;
  /** Rows stored (a pattern given twice counts twice). */
  accepted: number;
  rejected: number;
  /** The rejected rows of the lowest lines, at most NUMBER_LIST_IMPORT_MAX_ERRORS. */
  errors: NumberListRowError[];
  errorsTruncated: boolean;
}

/** Rows stored per transaction. */
export const NUMBER_LIST_IMPORT_CHUNK_SIZE = 5000;
export const NUMBER_LIST_IMPORT_MAX_ERRORS = 1000;
const MAX_RECORD_SIZE = 1 << 16;
const SHOWN_VALUE_LENGTH = 64;

/** Where the number (and, if the header names one, the reason) is in each row. */
interface Columns {
  number: number;
  reason: number;
}

const isBlank = (record: readonly string[]) => record.every((cell) => cell.trim() === '');

function openParser(delimiter: string): ReturnType<typeof parse> {
  try {
    return parse({
      bom: true,
      delimiter,
      max_record_size: MAX_RECORD_SIZE,
      relax_column_count: true,
      // Blank lines come through as records (and are skipped below), so that counting records counts lines.
      skip_empty_lines: false,
    });
  } catch (error) {
    if (error instanceof CsvError) throw invalidField('delimiter', error.message);
    throw error;
  }
}

/**
 * The first row is a header when it names a `number` column (any case), or when its first cell is not a number
 * or prefix at all (a header of other names: the first column holds the numbers). Otherwise the file has no
 * header and the first row is data.
 */
function readHeader(record: readonly string[], isPattern: (cell: string) => boolean): Columns | null {
  const names = record.map((cell) => cell.trim().toLowerCase());
  const number = names.indexOf('number');
  if (number >= 0) return { number, reason: names.indexOf('reason') };
  if (isPattern(record[0] ?? '')) return null;
  return { number: 0, reason: names.indexOf('reason') };
}

/**
 * Imports a block or allow list from CSV: one number or prefix per row (column `number`, or the first column),
 * with an optional `reason` column, normalised like job numbers (national numbers in the default country;
 * prefixes end in `*`). Rows stream in and are stored in chunks of NUMBER_LIST_IMPORT_CHUNK_SIZE, one
 * transaction each; a number already listed is updated (expiry, and reason when one is given). Bad rows are
 * reported with their line and skipped.
 *
 * A file that stops being CSV part way ends in VALIDATION_FAILED naming the line, with the rows before it
 * stored (`details.report` is the report up to there); uploading it again once fixed is harmless.
 */
export async function importNumberList(
  deps: ServiceDeps,
  input: NumberListImportInput,
): Promise<NumberListImportReport> {
  const now = deps.clock.now();
  checkListEntryOptions(input, now);
  const country = deps.defaultCountry;
  const isPattern = (cell: string) => 'pattern' in parseNumberPattern(cell, country);
  const parser = openParser(input.delimiter ?? ',');
  const lines = createRecordLineCounter();

  let columns: Columns | null | undefined;
  let rows = 0;
  let accepted = 0;
  let rejected = 0;
  const errors: NumberListRowError[] = [];
  let pending: NewListEntry[] = [];

  const reject = (line: number, value: string, message: string) => {
    rejected++;
    if (errors.length < NUMBER_LIST_IMPORT_MAX_ERRORS) {
      const shown = value.length > SHOWN_VALUE_LENGTH ? `${value.slice(0, SHOWN_VALUE_LENGTH)}…` : value;
      errors.push({ line, value: shown, message });
    }
  };
  const report = (): NumberListImportReport => ({
    rows,
    accepted,
    rejected,
    errors: [...errors],
    errorsTruncated: rejected > errors.length,
  });
  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = pending;
    pending = [];
    await deps.db.transaction().execute((trx) => upsertListEntries(trx, deps.caps, chunk, now));
    accepted += chunk.length;
    input.onProgress?.({ rows, accepted, rejected });
  };
  const readRow = (record: readonly string[], line: number, cols: Columns) => {
    const value = (record[cols.number] ?? '').trim();
    const parsed = parseNumberPattern(value, country);
    if ('error' in parsed) {
      reject(line, value, parsed.error);
      return;
    }
    const rowReason = cols.reason >= 0 ? (record[cols.reason] ?? '').trim() : '';
    if (rowReason.length > MAX_LIST_REASON_LENGTH) {
      reject(line, value, `reason: at most ${MAX_LIST_REASON_LENGTH} characters`);
      return;
    }
    pending.push({
      scope: input.scope,
      list: input.list,
      pattern: parsed.pattern,
      reason: rowReason || (input.reason ?? ''),
      expiresAt: input.expiresAt ?? null,
    });
  };

  const source = typeof input.csv === 'string' ? null : input.csv;
  if (source) {
    source.on('error', (error: Error) => parser.destroy(error));
    source.pipe(parser);
  } else {
    parser.end(input.csv);
  }
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = lines.next(record);
      if (isBlank(record)) continue;
      if (columns === undefined) {
        columns = readHeader(record, isPattern);
        if (columns !== null) continue;
      }
      rows++;
      readRow(record, line, columns ?? { number: 0, reason: -1 });
      if (pending.length >= NUMBER_LIST_IMPORT_CHUNK_SIZE) await flush();
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    await flush();
    throw notCsv(error, Number(error.lines) || lines.current(), report());
  } finally {
    if (source) {
      // Read the rest of an abandoned upload, so that the answer can still be sent.
      source.unpipe(parser);
      source.resume();
    }
  }
  if (columns === undefined) throw invalidField('csv', 'is empty: send one number or prefix per line');
  await flush();
  if (accepted > 0) await analyzeNumberList(deps.db, deps.caps);
  input.onProgress?.({ rows, accepted, rejected });
  return report();
}

function notCsv(error: CsvError, line: number, report: NumberListImportReport): OutdialError {
  const kept = report.accepted > 0 ? `the ${report.accepted} good rows before it are stored` : 'nothing was stored';
  return new OutdialError(
    'VALIDATION_FAILED',
    `csv: line ${line} is not valid CSV (${error.message}); ${kept}`,
    { field: 'csv', line, report },
    { cause: error },
  );
}
