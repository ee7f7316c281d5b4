import { invalidField } from '../../core/errors.js';
import { CSV_MAPPED_FIELDS, type CsvMappedField, type CsvMapping } from './csvMapping.js';

/** Where each job field sits in a row: 0-based column indexes, -1 when the file has no such column. */
export interface ColumnPlan {
  /** The header row, each name trimmed. */
  headers: string[];
  columns: Record<CsvMappedField, number>;
  extras: { index: number; key: string }[];
}

const LISTED_HEADERS = 20;
const LISTED_HEADER_LENGTH = 40;

/** The headers for an error message: a few, shortened, with a hint when the file is not UTF-8 text. */
export function describeHeaders(headers: readonly string[]): string {
  if (headers.every((h) => h === '')) return 'the header row is empty';
  const shown = headers
    .slice(0, LISTED_HEADERS)
    .map((h) => `'${h.length > LISTED_HEADER_LENGTH ? `${h.slice(0, LISTED_HEADER_LENGTH)}…` : h}'`);
  const more = headers.length > LISTED_HEADERS ? ` and ${headers.length - LISTED_HEADERS} more` : '';
  // U+FFFD is what undecodable bytes become: a GBK export from Excel, or a spreadsheet that is not CSV.
  const notText = headers.some((h) => h.includes('\uFFFD') || h.includes('\u0000'))
    ? ' (the file does not read as UTF-8 text: save it as "CSV UTF-8")'
    : '';
  return `the header has ${shown.join(', ')}${more}${notText}`;
}

function columnsNamed(headers: readonly string[], name: string): number[] {
  const wanted = name.trim().toLowerCase();
  const found: number[] = [];
  for (let i = 0; i < headers.length; i++) if (headers[i]!.toLowerCase() === wanted) found.push(i);
  return found;
}

function twice(key: string, name: string, found: number[]) {
  return invalidField(
    key,
    `column '${name}' appears more than once in the header (columns ${found.map((i) => i + 1).join(', ')})`,
  );
}

/**
 * Reads the header row against the mapping. Throws VALIDATION_FAILED naming the mapping entry when the
 * phone column or a column the mapping names is missing, or a column it needs appears twice.
 */
export function planColumns(headerRow: readonly string[], mapping: CsvMapping): ColumnPlan {
  const headers = headerRow.map((h) => h.trim());
  const columns = {} as Record<CsvMappedField, number>;
  for (const field of CSV_MAPPED_FIELDS) {
    const given = mapping[field];
    const name = given ?? field;
    const found = columnsNamed(headers, name);
    if (found.length > 1) throw twice(`map.${field}`, name, found);
    if (found.length === 0 && (given !== undefined || field === 'phoneNumber')) {
      throw invalidField(`map.${field}`, `no column '${name}': ${describeHeaders(headers)}`);
    }
    columns[field] = found[0] ?? -1;
  }

  const extras: ColumnPlan['extras'] = [];
  const wanted = mapping.extras ?? '*';
  if (wanted === '*') {
    const used = new Set(Object.values(columns));
    const firstByKey = new Map<string, number>();
    for (let i = 0; i < headers.length; i++) {
      const key = headers[i]!;
      if (used.has(i) || key === '') continue;
      const first = firstByKey.get(key);
      if (first !== undefined) {
        throw invalidField(
          'extras',
          `column '${key}' appears more than once in the header (columns ${first + 1}, ${i + 1}); list the extras to keep`,
        );
      }
      firstByKey.set(key, i);
      extras.push({ index: i, key });
    }
  } else {
    for (const name of wanted) {
      const found = columnsNamed(headers, name);
      if (found.length > 1) throw twice('extras', name, found);
      if (found.length === 0) throw invalidField('extras', `no column '${name}': ${describeHeaders(headers)}`);
      extras.push({ index: found[0]!, key: headers[found[0]!]! });
    }
  }
  return { headers, columns, extras };
}
