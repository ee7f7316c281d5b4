import { invalidParameter, missingParameter } from './errors.js';

/**
 * An RPC request's parameters, decoded: the query string and the form body merged (SDKs put them in
 * either, and may use both on one POST). Has no prototype, so a parameter named like an Object method
 * is just a parameter.
 */
export type RpcParams = Record<string, string>;

/** A parsed query string or form body: a key given more than once arrives as an array. */
export type RawParams = Record<string, string | readonly string[] | undefined>;

const has = (p: RpcParams, name: string): boolean => Object.hasOwn(p, name);

/** Query and body as one set; a key given twice with different values is refused, naming it. */
export function mergeParams(query: RawParams, body: RawParams): RpcParams {
  const out: RpcParams = Object.create(null);
  for (const source of [query, body]) {
    for (const [key, raw] of Object.entries(source)) {
      if (raw === undefined) continue;
      for (const value of typeof raw === 'string' ? [raw] : raw) {
        if (has(out, key) && out[key] !== value) {
          throw invalidParameter(key, 'It is given more than once with different values.');
        }
        out[key] = value;
      }
    }
  }
  return out;
}

/** The parameter's value; absent or empty is `Missing{Name}`. */
export function required(p: RpcParams, name: string): string {
  const v = has(p, name) ? p[name] : undefined;
  if (v === undefined || v === '') throw missingParameter(name);
  return v;
}

/** The value as given (an empty string stays empty), or undefined when absent. */
export function optionalString(p: RpcParams, name: string): string | undefined {
  return has(p, name) ? p[name] : undefined;
}

/** A whole number within the bounds; absent or empty gives undefined. */
export function optionalInt(
  p: RpcParams,
  name: string,
  bounds: { min?: number; max?: number } = {},
): number | undefined {
  const v = optionalString(p, name)?.trim();
  if (v === undefined || v === '') return undefined;
  const n = /^[+-]?\d+$/.test(v) ? Number(v) : Number.NaN;
  const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = bounds;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    const range =
      bounds.min !== undefined && bounds.max !== undefined
        ? ` between ${min} and ${max}`
        : bounds.min !== undefined
          ? ` of at least ${min}`
          : bounds.max !== undefined
            ? ` of at most ${max}`
            : '';
    throw invalidParameter(name, `It must be a whole number${range}, got "${v}".`);
  }
  return n;
}

/** "true" or "false" in any case; absent or empty gives undefined. */
export function optionalBool(p: RpcParams, name: string): boolean | undefined {
  const v = optionalString(p, name)?.trim();
  if (v === undefined || v === '') return undefined;
  const lower = v.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw invalidParameter(name, `It must be true or false, got "${v}".`);
}

/** Parsed JSON; absent or empty gives undefined, malformed JSON is InvalidParameter naming it. */
export function jsonParam(p: RpcParams, name: string): unknown {
  const v = optionalString(p, name);
  if (v === undefined || v.trim() === '') return undefined;
  try {
    return JSON.parse(v);
  } catch (e) {
    throw invalidParameter(name, `It is not valid JSON (${(e as Error).message}).`);
  }
}

/** "a, b,,c" → ["a", "b", "c"]; absent or empty gives []. */
export function commaList(p: RpcParams, name: string): string[] {
  const v = optionalString(p, name);
  if (v === undefined) return [];
  return v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const INDEX = /^[1-9]\d*$/;

/** `Name.N` keys (and, with `sub`, `Name.N.Sub` keys) grouped by N, in numeric order. */
function indexed(p: RpcParams, name: string): Map<number, [rest: string, value: string][]> {
  const prefix = `${name}.`;
  const byIndex = new Map<number, [string, string][]>();
  for (const key of Object.keys(p)) {
    if (!key.startsWith(prefix)) continue;
    const tail = key.slice(prefix.length);
    const dot = tail.indexOf('.');
    const index = dot < 0 ? tail : tail.slice(0, dot);
    if (!INDEX.test(index)) continue;
    const n = Number(index);
    const entries = byIndex.get(n) ?? [];
    entries.push([dot < 0 ? '' : tail.slice(dot + 1), p[key] as string]);
    byIndex.set(n, entries);
  }
  return new Map([...byIndex].sort((a, b) => a[0] - b[0]));
}

/** `Name` itself as a JSON array (newer SDKs send lists this way), or undefined when it is not one. */
function jsonArray(p: RpcParams, name: string): unknown[] | undefined {
  const v = optionalString(p, name);
  if (v === undefined || !v.trim().startsWith('[')) return undefined;
  const parsed = jsonParam(p, name);
  if (!Array.isArray(parsed)) throw invalidParameter(name, 'It must be a JSON array.');
  return parsed;
}

const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

/**
 * A repeat list: `Name.1`, `Name.2`, … in numeric order, as pop-core and the classic SDKs flatten an
 * array; or `Name` holding a JSON array (elements that are not strings come back as their JSON); or
 * `Name` holding one plain value. Absent gives []. Giving both forms is refused as ambiguous.
 */
export function repeatList(p: RpcParams, name: string): string[] {
  const items = [...indexed(p, name)].flatMap(([, entries]) =>
    entries.filter(([rest]) => rest === '').map(([, v]) => v),
  );
  const whole = optionalString(p, name);
  if (whole === undefined || whole === '') return items;
  if (items.length > 0) throw invalidParameter(name, `Give either ${name} or ${name}.N, not both.`);
  return jsonArray(p, name)?.map(asText) ?? [whole];
}

/**
 * A repeat list of objects: `Name.N.Sub` keys grouped by N in numeric order (`Sub` is everything after
 * the index, so nested lists keep their `Sub.M` keys); or `Name` holding a JSON array of objects, whose
 * values come back as text. Absent gives [].
 */
export function repeatObjects(p: RpcParams, name: string): Record<string, string>[] {
  const items = [...indexed(p, name)]
    .map(([, entries]) => Object.fromEntries(entries.filter(([rest]) => rest !== '')))
    .filter((o) => Object.keys(o).length > 0);
  const array = jsonArray(p, name);
  if (array === undefined) return items;
  if (items.length > 0) throw invalidParameter(name, `Give either ${name} or ${name}.N.*, not both.`);
  return array.map((item, i) => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      throw invalidParameter(name, `Element ${i + 1} must be an object.`);
    }
    return Object.fromEntries(Object.entries(item).map(([k, v]) => [k, asText(v)]));
  });
}
