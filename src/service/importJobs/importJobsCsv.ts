import type { Readable } from 'node:stream';
import { CsvError, type Info, parse } from 'csv-parse';
import { invalidField, OutdialError } from '../../core/errors.js';
import type { ParsedJob } from '../../core/jobs/parseJobInput.js';
import { parseJobInput } from '../../core/jobs/parseJobInput.js';
import { parseOptionalStrategy } from '../../core/strategy/index.js';
import type { ServiceDeps } from '../deps.js';
import { getJobGroupOf } from '../jobGroups/getJobGroupOf.js';
import { missingVariable, requiredVariablesOf } from '../jobGroups/requiredVariables.js';
import { createCsvLineCounter } from './csvLineCounter.js';
import type { CsvMapping } from './csvMapping.js';
import { type CsvRowError, ROW_PATH, referenceIdColumnName, rowErrorOf } from './csvRowError.js';
import { type ColumnPlan, describeHeaders, planColumns } from './planColumns.js';
import { createRowErrorLog } from './rowErrorLog.js';
import { rowToJobInput } from './rowToJobInput.js';
import { type PendingJob, storeJobChunk } from './storeJobChunk.js';

export interface CsvImportProgress {
  /** Data rows read so far. */
  rows: number;
  /** Jobs stored so far. */
  accepted: number;
  rejected: number;
}

export interface CsvImportInput {
  instanceId: string;
  jobGroupId: string;
  csv: NodeJS.ReadableStream | Readable;
  mapping: CsvMapping;
  /** A StrategyJson for these jobs only, overriding the group's. */
  strategy?: unknown;
  /** Called every CSV_IMPORT_CHUNK_SIZE rows and at the end. */
  onProgress?: (p: CsvImportProgress) => void;
}

export interface CsvImportReport {
  jobGroupId: string;
  /** Data rows read: the header and blank lines are not counted. */
  rows: number;
  /** Jobs stored. */
  accepted: number;
  rejected: number;
  /** The rejected rows of the lowest lines, at most CSV_IMPORT_MAX_ERRORS; `rejected` counts them all. */
  errors: CsvRowError[];
  errorsTruncated: boolean;
  /** Ids of the stored jobs in file order, when there are at most CSV_IMPORT_MAX_JOB_IDS. */
  jobIds?: string[];
}

/** Jobs stored per transaction. */
export const CSV_IMPORT_CHUNK_SIZE = 1000;
export const CSV_IMPORT_MAX_ERRORS = 1000;
export const CSV_IMPORT_MAX_JOB_IDS = 10_000;
/** Characters in one record; bounds memory when the upload is not CSV (no line breaks in a binary file). */
const MAX_RECORD_SIZE = 1 << 20;

type ParsedRecord = { info: Info; record: string[] };

const isBlank = (record: readonly string[]) => record.every((cell) => cell.trim() === '');

function openParser(delimiter: string): ReturnType<typeof parse> {
  try {
    return parse({
      bom: true,
      delimiter,
      info: true,
      max_record_size: MAX_RECORD_SIZE,
      relax_column_count: true,
      skip_empty_lines: true,
    });
  } catch (error) {
    if (error instanceof CsvError) throw invalidField('delimiter', error.message);
    throw error;
  }
}

/**
 * Imports a CSV file of jobs into a job group: every row validated as an AssignJobs job (parseJobInput), good
 * rows stored in chunks of CSV_IMPORT_CHUNK_SIZE (one transaction each), bad rows reported with their line.
 *
 * Rows are stored as they stream in rather than after the whole file is validated: a million-row file never
 * sits in memory, and the engine can dial the first chunk while the rest uploads. So a file that stops
 * being CSV part way (an unclosed quote, binary garbage) ends in VALIDATION_FAILED naming the line, with the
 * good rows before it stored; the message says how many, and `details.report` is the report up to there.
 * Uploading the fixed file again rejects those rows as duplicates and stores the rest.
 *
 * Nothing is stored when the group is not the instance's (JOB_GROUP_NOT_FOUND) or is cancelled, the strategy is
 * invalid, the header lacks a column the mapping needs (VALIDATION_FAILED naming `map.<field>`), or the group's
 * script needs a variable no extras column gives (MISSING_VARIABLE naming `extras.<variable>`). A row leaving
 * such a variable empty is rejected as MISSING_VARIABLE.
 */
export async function importJobsCsv(deps: ServiceDeps, input: CsvImportInput): Promise<CsvImportReport> {
  const group = await getJobGroupOf(deps, input.instanceId, input.jobGroupId);
  if (group.status === 'Cancelled') {
    throw new OutdialError('VALIDATION_FAILED', `jobGroupId: job group ${group.id} is cancelled`, {
      field: 'jobGroupId',
    });
  }
  const override = parseOptionalStrategy(input.strategy, 'strategy');
  const required = await requiredVariablesOf(deps, group);
  const { mapping } = input;
  const parseOptions = { defaultCountry: deps.defaultCountry };
  const parser = openParser(mapping.delimiter ?? ',');

  let plan: ColumnPlan | undefined;
  let rows = 0;
  let accepted = 0;
  let rejected = 0;
  const log = createRowErrorLog(CSV_IMPORT_MAX_ERRORS);
  let jobIds: string[] | undefined = [];
  // Duplicates within the chunk being filled; earlier chunks are stored, so the store finds those.
  let pending: PendingJob[] = [];
  const pendingLineOf = new Map<string, number>();
  const lines = createCsvLineCounter();

  const reject = (error: CsvRowError) => {
    rejected++;
    log.add(error);
  };
  const report = (): CsvImportReport => ({
    jobGroupId: group.id,
    rows,
    accepted,
    rejected,
    errors: [...log.errors],
    errorsTruncated: log.truncated,
    ...(jobIds ? { jobIds: [...jobIds] } : {}),
  });
  const progress = () => input.onProgress?.({ rows, accepted, rejected });

  const flush = async () => {
    if (pending.length === 0 || !plan) return;
    const chunk = pending;
    pending = [];
    pendingLineOf.clear();
    const stored = await storeJobChunk(deps, { group, override, chunk });
    accepted += stored.jobIds.length;
    if (jobIds && accepted <= CSV_IMPORT_MAX_JOB_IDS) jobIds.push(...stored.jobIds);
    else jobIds = undefined;
    const field = referenceIdColumnName(plan);
    for (const { line, job } of stored.taken) {
      reject({
        row: line,
        field,
        code: 'DUPLICATE_REFERENCE_ID',
        message: `${field}: job group ${group.id} already has a job with referenceId '${job.referenceId}'`,
      });
    }
    if (stored.jobIds.length > 0) deps.wake?.();
  };

  const readRow = (record: string[], line: number, cols: ColumnPlan) => {
    const width = cols.headers.length;
    if (record.length < width || (record.length > width && !isBlank(record.slice(width)))) {
      reject({
        row: line,
        field: '',
        code: 'VALIDATION_FAILED',
        message: `row has ${record.length} columns, the header has ${width}`,
      });
      return;
    }
    let job: ParsedJob;
    try {
      job = parseJobInput(rowToJobInput(record, cols), ROW_PATH, parseOptions);
    } catch (error) {
      if (!(error instanceof OutdialError)) throw error;
      reject(rowErrorOf(line, error, record, cols));
      return;
    }
    const missing = missingVariable(job.extras, required);
    if (missing !== undefined) {
      reject({
        row: line,
        field: missing,
        code: 'MISSING_VARIABLE',
        message: `${missing}: is empty, and the script needs variable '${missing}' from every job (it has no fallback)`,
      });
      return;
    }
    if (cols.columns.referenceId < 0) {
      const contact = job.contacts[0]!;
      job.referenceId = contact.e164;
      contact.referenceId = contact.e164;
    }
    const first = pendingLineOf.get(job.referenceId);
    if (first !== undefined) {
      const field = referenceIdColumnName(cols);
      reject({
        row: line,
        field,
        code: 'DUPLICATE_REFERENCE_ID',
        message: `${field}: duplicate referenceId '${job.referenceId}' (first at line ${first})`,
      });
      return;
    }
    pendingLineOf.set(job.referenceId, line);
    pending.push({ line, job });
  };

  const source = input.csv;
  source.on('error', (error: Error) => parser.destroy(error));
  source.pipe(parser);
  try {
    for await (const { info, record } of parser as AsyncIterable<ParsedRecord>) {
      const line = lines.startOf(record, info.lines);
      if (isBlank(record)) continue;
      if (!plan) {
        plan = planColumns(record, mapping);
        checkVariableColumns(plan, required);
        continue;
      }
      rows++;
      readRow(record, line, plan);
      if (pending.length >= CSV_IMPORT_CHUNK_SIZE) await flush();
      if (rows % CSV_IMPORT_CHUNK_SIZE === 0) progress();
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    await flush();
    throw notCsv(error, lines.fileLine(Number(error.lines) || 0), report());
  } finally {
    // Read the rest of an abandoned upload, so that the answer can still be sent.
    source.unpipe(parser);
    source.resume();
  }
  if (!plan) throw invalidField('csv', 'is empty: the first line must be a header naming the columns');
  await flush();
  progress();
  return report();
}

/** Every variable the script needs must have a column among the extras, or no row could be stored. */
function checkVariableColumns(plan: ColumnPlan, required: readonly string[]): void {
  const name = required.find((v) => !plan.extras.some((e) => e.key === v));
  if (name === undefined) return;
  const field = `extras.${name}`;
  throw new OutdialError(
    'MISSING_VARIABLE',
    `${field}: the file has no extras column '${name}', and the script needs that variable from every job (it has no fallback); ${describeHeaders(plan.headers)}`,
    { field, variable: name },
  );
}

function notCsv(error: CsvError, line: number, report: CsvImportReport): OutdialError {
  const kept =
    report.accepted > 0
      ? `the ${report.accepted} good rows before it are stored`
      : report.rows > 0
        ? 'no row before it was stored'
        : 'nothing was stored';
  return new OutdialError(
    'VALIDATION_FAILED',
    `csv: line ${line} is not valid CSV (${error.message}); ${kept}`,
    { field: 'csv', line, report },
    { cause: error },
  );
}
