import type { CountryCode } from 'libphonenumber-js';
import { invalidField, OutdialError } from '../errors.js';
import type { Contact, Extra } from '../types.js';
import { isValidTimeZone } from './isValidTimeZone.js';
import { normalizePhoneNumber } from './normalizePhoneNumber.js';

/** A job as a caller assigned it, validated and normalised; the store adds ids, status and times. */
export interface ParsedJob {
  referenceId: string;
  contacts: Contact[];
  extras: Extra[];
  /** 0–100, higher is dialled first; 50 when not given. */
  priority: number;
  /** The callee's IANA zone, overriding the group's; null when not given. */
  timeZone: string | null;
}

export interface ParseJobOptions {
  /** The country national phone numbers are read in (e.g. 'CN'). */
  defaultCountry: CountryCode;
}

const MAX_REFERENCE_ID_LENGTH = 128;
const DEFAULT_JOB_PRIORITY = 50;

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** `phoneNumber`, or any other spelling of it that differs only in case (`phonenumber`, `PhoneNumber`). */
function phoneNumberOf(contact: Obj): unknown {
  const exact = contact.phoneNumber;
  if (exact !== undefined) return exact;
  for (const key in contact) {
    if (key.length === 11 && key.toLowerCase() === 'phonenumber') return contact[key];
  }
  return undefined;
}

// Field paths are built only when a field is wrong: on the hot path (a million valid jobs) they would be
// garbage the moment they were made.

/** An optional string field: absent and null read as ''. Throws naming `<prefix><name>` otherwise. */
function optionalString(value: unknown, prefix: string, name: string): string {
  if (typeof value === 'string') return value;
  if (value === undefined || value === null) return '';
  throw invalidField(prefix + name, `must be a string, got ${describe(value)}`);
}

function referenceIdOf(value: unknown, prefix: string): string {
  const id = optionalString(value, prefix, 'referenceId');
  if (id.length > MAX_REFERENCE_ID_LENGTH) {
    throw invalidField(
      `${prefix}referenceId`,
      `must be at most ${MAX_REFERENCE_ID_LENGTH} characters, got ${id.length}`,
    );
  }
  return id;
}

function invalidPhoneNumber(path: string, i: number, message: string, value: unknown): OutdialError {
  const field = `${path}.contacts[${i}].phoneNumber`;
  return new OutdialError('INVALID_PHONE_NUMBER', `${field}: ${message}`, { field, value });
}

function parseContacts(value: unknown, path: string, defaultCountry: CountryCode): Contact[] {
  if (value === undefined || value === null) throw invalidField(`${path}.contacts`, 'is required');
  if (!Array.isArray(value)) throw invalidField(`${path}.contacts`, `must be an array, got ${describe(value)}`);
  if (value.length === 0) throw invalidField(`${path}.contacts`, 'must not be empty');
  const contacts: Contact[] = [];
  for (let i = 0; i < value.length; i++) {
    const raw: unknown = value[i];
    if (!isObject(raw)) throw invalidField(`${path}.contacts[${i}]`, `must be an object, got ${describe(raw)}`);
    const phoneNumber = phoneNumberOf(raw);
    if (typeof phoneNumber !== 'string') {
      const message =
        phoneNumber === undefined || phoneNumber === null
          ? 'is required'
          : `must be a string, got ${describe(phoneNumber)}`;
      throw invalidPhoneNumber(path, i, message, phoneNumber);
    }
    const normalized = normalizePhoneNumber(phoneNumber, defaultCountry);
    if ('error' in normalized) throw invalidPhoneNumber(path, i, normalized.error, phoneNumber);
    const name = raw.name;
    const honorific = raw.honorific;
    const referenceId = raw.referenceId;
    contacts.push({
      phoneNumber,
      e164: normalized.e164,
      name: typeof name === 'string' ? name : optionalString(name, `${path}.contacts[${i}].`, 'name'),
      honorific:
        typeof honorific === 'string' ? honorific : optionalString(honorific, `${path}.contacts[${i}].`, 'honorific'),
      referenceId:
        typeof referenceId === 'string' && referenceId.length <= MAX_REFERENCE_ID_LENGTH
          ? referenceId
          : referenceIdOf(referenceId, `${path}.contacts[${i}].`),
    });
  }
  return contacts;
}

function parseExtras(value: unknown, path: string): Extra[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidField(`${path}.extras`, `must be an array, got ${describe(value)}`);
  const n = value.length;
  const extras: Extra[] = [];
  // Jobs carry a handful of extras: a linear scan for duplicates beats building a Map, up to a point.
  const firstIndex = n > 16 ? new Map<string, number>() : null;
  for (let i = 0; i < n; i++) {
    const raw: unknown = value[i];
    if (!isObject(raw)) throw invalidField(`${path}.extras[${i}]`, `must be an object, got ${describe(raw)}`);
    const key = raw.key;
    if (typeof key !== 'string' || key === '') {
      const message = typeof key === 'string' ? 'must not be empty' : `must be a string, got ${describe(key)}`;
      throw invalidField(`${path}.extras[${i}].key`, message);
    }
    let first = -1;
    if (firstIndex === null) {
      for (let j = 0; j < i; j++) {
        if (extras[j]!.key === key) {
          first = j;
          break;
        }
      }
    } else {
      first = firstIndex.get(key) ?? -1;
      if (first < 0) firstIndex.set(key, i);
    }
    if (first >= 0) {
      throw invalidField(`${path}.extras[${i}].key`, `duplicate key '${key}' (first at ${path}.extras[${first}])`);
    }
    const v = raw.value;
    let text: string;
    if (typeof v === 'string') text = v;
    else if (v === undefined || v === null) text = '';
    else if (typeof v === 'number' && Number.isFinite(v)) text = String(v);
    else if (typeof v === 'boolean') text = v ? 'true' : 'false';
    else throw invalidField(`${path}.extras[${i}].value`, `must be a string, number or boolean, got ${describe(v)}`);
    extras.push({ key, value: text });
  }
  return extras;
}

function parsePriority(value: unknown, path: string): number {
  if (value === undefined || value === null) return DEFAULT_JOB_PRIORITY;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 100) {
    const got = typeof value === 'number' ? String(value) : describe(value);
    throw invalidField(`${path}.priority`, `must be an integer from 0 to 100, got ${got}`);
  }
  return value;
}

function parseTimeZone(value: unknown, path: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw invalidField(`${path}.timeZone`, `must be a string, got ${describe(value)}`);
  if (!isValidTimeZone(value)) throw invalidField(`${path}.timeZone`, `unknown IANA time zone '${value}'`);
  return value;
}

/**
 * Validates one job as a vendor sends it (an AssignJobs `JobsJson` element, as an object or its JSON string):
 * `{ extras?: [{key, value}], contacts: [{phoneNumber, name?, referenceId?, honorific?}], referenceId?, priority?,
 * timeZone? }`. The job's referenceId is the top-level one, else the first contact's. Unknown keys are ignored.
 * Throws an OutdialError (`VALIDATION_FAILED`, or `INVALID_PHONE_NUMBER`) whose `details.field` names the field
 * under `path` (e.g. `jobs[3].contacts[0].phoneNumber`).
 */
export function parseJobInput(input: unknown, path: string, opts: ParseJobOptions): ParsedJob {
  let job: unknown = input;
  if (typeof input === 'string') {
    try {
      job = JSON.parse(input);
    } catch {
      throw invalidField(path, 'is not valid JSON');
    }
  }
  if (!isObject(job)) throw invalidField(path, `must be an object, got ${describe(job)}`);

  const contacts = parseContacts(job.contacts, path, opts.defaultCountry);
  const ownId = job.referenceId;
  let referenceId =
    typeof ownId === 'string' && ownId.length <= MAX_REFERENCE_ID_LENGTH ? ownId : referenceIdOf(ownId, `${path}.`);
  if (referenceId === '') {
    referenceId = contacts[0]!.referenceId;
    if (referenceId === '') throw invalidField(`${path}.contacts[0].referenceId`, 'is required');
  }
  for (const contact of contacts) {
    if (contact.referenceId === '') contact.referenceId = referenceId;
  }
  return {
    referenceId,
    contacts,
    extras: parseExtras(job.extras, path),
    priority: parsePriority(job.priority, path),
    timeZone: parseTimeZone(job.timeZone, path),
  };
}
