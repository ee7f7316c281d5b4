import { invalidField } from '../../core/errors.js';

/**
 * Which CSV columns (by header name) fill which job field. Matching is case-insensitive and ignores
 * surrounding spaces. A field left undefined uses the column named like the field when the header has one;
 * a field named here must be in the header.
 */
export interface CsvMapping {
  /** The one required column; default 'phoneNumber'. */
  phoneNumber: string;
  /**
   * Default 'referenceId'. When the file has no such column, a job's referenceId is its phone number in
   * E.164: unique per group, so a number listed twice is rejected as a duplicate and uploading the same
   * file again stores nothing twice.
   */
  referenceId?: string;
  /** Default 'name'. */
  name?: string;
  /** Default 'honorific'. */
  honorific?: string;
  /** The callee's IANA zone; default 'timeZone'. */
  timeZone?: string;
  /** 0–100; default 'priority'. */
  priority?: string;
  /**
   * Columns copied into the job's extras as `{ key: header, value: cell }`: '*' every column no field uses
   * (the default; columns without a header are left out), a list of headers, or [] for none.
   */
  extras?: '*' | string[];
  /** ',' (default), ';' or '\t'. */
  delimiter?: string;
}

export const CSV_MAPPED_FIELDS = ['phoneNumber', 'referenceId', 'name', 'honorific', 'timeZone', 'priority'] as const;
export type CsvMappedField = (typeof CSV_MAPPED_FIELDS)[number];

export const CSV_DELIMITERS: readonly string[] = [',', ';', '\t'];

const MAX_HEADER_LENGTH = 256;
const QUERY_KEYS = [...CSV_MAPPED_FIELDS.map((f) => `map.${f}`), 'extras', 'delimiter'];

function text(query: Record<string, unknown>, key: string): string {
  const value = query[key];
  if (Array.isArray(value)) throw invalidField(key, 'is given more than once');
  if (typeof value !== 'string') throw invalidField(key, 'must be a string');
  return value;
}

function headerName(value: string, key: string): string {
  const name = value.trim();
  if (name === '') throw invalidField(key, 'must name a column of the header');
  if (name.length > MAX_HEADER_LENGTH) throw invalidField(key, `must be at most ${MAX_HEADER_LENGTH} characters`);
  return name;
}

function parseExtras(value: string): '*' | string[] {
  if (value.trim() === '*') return '*';
  if (value.trim() === '') return [];
  const names = value.split(',').map((n) => headerName(n, 'extras'));
  const seen = new Set<string>();
  for (const n of names) {
    const key = n.toLowerCase();
    if (seen.has(key)) throw invalidField('extras', `column '${n}' is listed twice`);
    seen.add(key);
  }
  return names;
}

function parseDelimiter(value: string): string {
  if (value === 'tab' || value === '\\t') return '\t';
  if (CSV_DELIMITERS.includes(value)) return value;
  throw invalidField('delimiter', `must be ',', ';' or a tab ('tab'), got '${value}'`);
}

/**
 * Reads a mapping from a REST query string: `map.phoneNumber=手机号&map.referenceId=客户编号&extras=*`
 * (or `extras=a,b`, or `extras=` for none) `&delimiter=;`. Unknown keys are refused naming them.
 */
export function parseCsvMapping(query: Record<string, unknown>): CsvMapping {
  const mapping: CsvMapping = { phoneNumber: 'phoneNumber' };
  for (const key of Object.keys(query)) {
    if (!QUERY_KEYS.includes(key)) {
      throw invalidField(key, `unknown parameter; expected one of ${QUERY_KEYS.join(', ')}`);
    }
    const value = text(query, key);
    if (key === 'extras') mapping.extras = parseExtras(value);
    else if (key === 'delimiter') mapping.delimiter = parseDelimiter(value);
    else mapping[key.slice('map.'.length) as CsvMappedField] = headerName(value, key);
  }
  return mapping;
}
