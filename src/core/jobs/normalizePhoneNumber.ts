import {
  type CountryCode,
  isSupportedCountry,
  Metadata,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js';

export type NormalizedPhoneNumber = { e164: string } | { error: string };

/** Inputs longer than this are rejected before any parsing (a phone number with formatting fits easily). */
const MAX_INPUT_LENGTH = 64;
/** Fewer digits than this cannot be a callable number anywhere. */
const MIN_DIGITS = 3;
/** 15 digits of E.164 plus an international prefix or a carrier-selection code. */
const MAX_DIGITS = 17;
const PURE_DIGITS = /^[0-9]+$/;

/**
 * What the fast path needs about one default country, compiled once. The fast path only answers "valid"
 * where libphonenumber certainly would, with the same E.164: the national significant number (after the
 * country's own calling code, and after a national prefix or carrier code libphonenumber would strip, such as
 * CN's trunk '0') is a possible length and matches the national pattern, and the input does not start with
 * something that changes its reading (an IDD, the calling code without '+', a prefix the country rewrites).
 * Everything else, including every invalid number, takes the slow path, which is libphonenumber itself.
 * Countries told apart by per-type patterns (shared calling codes: NANPA, +44, +7 …) always take the slow path.
 */
interface FastPlan {
  callingCode: string;
  nationalPattern: RegExp;
  prefixPattern: RegExp | null;
  iddPattern: RegExp | null;
  /** The country rewrites what a national prefix captures (AR, MX …): such numbers take the slow path. */
  hasTransformRule: boolean;
  /** Bit n set when n digits is a possible national length. */
  lengthMask: number;
}

/** The runtime methods of libphonenumber's numbering plan that its type declarations leave out. */
interface NumberingPlanInternals {
  callingCode(): string;
  nationalNumberPattern(): string;
  nationalPrefixForParsing(): string | undefined;
  nationalPrefixTransformRule(): string | undefined;
  IDDPrefix(): string | undefined;
  possibleLengths(): number[] | undefined;
  hasTypes(): boolean;
}

interface MetadataInternals {
  getCountryCodesForCallingCode(callingCode: string): string[] | undefined;
}

/** Per default country: a fast plan, `null` (slow path only) or `false` (unsupported country). */
const plans = new Map<string, FastPlan | null | false>();

function planFor(country: string): FastPlan | null | false {
  let plan = plans.get(country);
  if (plan === undefined) {
    plan = isSupportedCountry(country) ? compilePlan(country as CountryCode) : false;
    plans.set(country, plan);
  }
  return plan;
}

function compilePlan(country: CountryCode): FastPlan | null {
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country);
  const plan = metadata.numberingPlan as unknown as Partial<NumberingPlanInternals> | undefined;
  const lookup = metadata as unknown as Partial<MetadataInternals>;
  if (
    !plan ||
    typeof plan.callingCode !== 'function' ||
    typeof plan.nationalNumberPattern !== 'function' ||
    typeof plan.nationalPrefixForParsing !== 'function' ||
    typeof plan.nationalPrefixTransformRule !== 'function' ||
    typeof plan.IDDPrefix !== 'function' ||
    typeof plan.possibleLengths !== 'function' ||
    typeof plan.hasTypes !== 'function' ||
    typeof lookup.getCountryCodesForCallingCode !== 'function'
  ) {
    return null; // a libphonenumber release without these internals: stay correct, just slower
  }
  const callingCode = plan.callingCode();
  // Countries sharing a calling code (NANPA, +44, +7 …) are told apart by per-type patterns: slow path.
  if (plan.hasTypes() || lookup.getCountryCodesForCallingCode(callingCode)?.length !== 1) {
    return null;
  }
  const nationalPattern = plan.nationalNumberPattern();
  const lengths = plan.possibleLengths();
  if (!nationalPattern || !lengths || lengths.length === 0) {
    return null;
  }
  let lengthMask = 0;
  for (const length of lengths) {
    if (length > 0 && length <= MAX_DIGITS) {
      lengthMask |= 1 << length;
    }
  }
  const prefix = plan.nationalPrefixForParsing();
  const idd = plan.IDDPrefix();
  return {
    callingCode,
    nationalPattern: new RegExp(`^(?:${nationalPattern})$`),
    prefixPattern: prefix ? new RegExp(`^(?:${prefix})`) : null,
    iddPattern: idd ? new RegExp(`^(?:${idd})`) : null,
    hasTransformRule: !!plan.nationalPrefixTransformRule(),
    lengthMask,
  };
}

/**
 * The national significant number libphonenumber would derive from `number` (national digits, or the digits
 * after the calling code), when it is certainly valid; `null` when the fast path cannot be sure.
 * Mirrors libphonenumber's extractNationalNumber: a national prefix (or carrier-selection code, e.g. CN 17951)
 * is stripped when what remains is a possible length and matches the national pattern, and kept when only
 * the number as written matches.
 */
function validNationalNumber(plan: FastPlan, number: string): string | null {
  if (plan.prefixPattern !== null) {
    const match = plan.prefixPattern.exec(number);
    if (match !== null) {
      const last = match.length - 1;
      if (plan.hasTransformRule && last > 0 && match[last]) return null; // rewritten, not stripped: slow path
      const stripped = number.slice(match[0].length);
      if (isPossibleAndMatches(plan, stripped)) return stripped;
      if (!plan.nationalPattern.test(stripped) && isPossibleAndMatches(plan, number)) return number;
      return null;
    }
  }
  return isPossibleAndMatches(plan, number) ? number : null;
}

function isPossibleAndMatches(plan: FastPlan, nationalNumber: string): boolean {
  return ((plan.lengthMask >>> nationalNumber.length) & 1) === 1 && plan.nationalPattern.test(nationalNumber);
}

/** Maps a formatting or digit code unit: a digit (0–9), -1 to skip, -2 for '+', -3 for a letter, -4 otherwise. */
function classify(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10; // full-width digits
  switch (code) {
    case 32: // space
    case 9: // tab
    case 45: // -
    case 46: // .
    case 40: // (
    case 41: // )
    case 47: // /
    case 0xa0: // no-break space
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212: // dashes and minus
    case 0x3000: // ideographic space
    case 0xff08:
    case 0xff09: // full-width ( )
    case 0xff0d: // full-width -
    case 0xff0e: // full-width .
      return -1;
    case 43: // +
    case 0xff0b: // full-width +
      return -2;
  }
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return -3;
  return -4;
}

/**
 * Validates a phone number as a user wrote it and returns it in E.164, or a short reason it is not one.
 * National numbers are read in `defaultCountry`; `+` and a leading `00` mark international numbers;
 * spaces, dashes, dots, slashes and parentheses are ignored. Never throws for bad input.
 */
export function normalizePhoneNumber(raw: string, defaultCountry: CountryCode): NormalizedPhoneNumber {
  if (typeof raw !== 'string') return { error: 'not a string' };
  if (raw.length > MAX_INPUT_LENGTH) return { error: 'too long' };
  const plan = planFor(defaultCountry);
  if (plan === false) return { error: `unsupported default country ${String(defaultCountry)}` };

  let digits: string;
  let plus = false;
  if (PURE_DIGITS.test(raw)) {
    digits = raw;
  } else {
    digits = '';
    for (let i = 0; i < raw.length; i++) {
      const kind = classify(raw.charCodeAt(i));
      if (kind >= 0) {
        digits += String.fromCharCode(48 + kind);
      } else if (kind === -2) {
        if (plus || digits.length > 0) return { error: "'+' only allowed at the start" };
        plus = true;
      } else if (kind === -3) {
        return { error: 'contains letters' };
      } else if (kind === -4) {
        return { error: `contains invalid character '${raw[i]}'` };
      }
    }
    if (digits.length === 0) return { error: raw.trim() === '' ? 'empty' : 'no digits' };
  }
  if (digits.length < MIN_DIGITS) return { error: 'too short' };
  if (digits.length > MAX_DIGITS) return { error: 'too long' };

  // International: after '+', or after '00' (the IDD of most of the world, whatever the default country's).
  let international: string | null = null;
  if (plus) {
    international = digits;
  } else if (digits.charCodeAt(0) === 48 && digits.charCodeAt(1) === 48) {
    international = digits.slice(2);
  }

  if (plan !== null) {
    const cc = plan.callingCode;
    if (international === null) {
      if (!digits.startsWith(cc) && (plan.iddPattern === null || !plan.iddPattern.test(digits))) {
        const national = validNationalNumber(plan, digits);
        if (national !== null) return { e164: `+${cc}${national}` };
      }
    } else if (international.startsWith(cc)) {
      const national = validNationalNumber(plan, international.slice(cc.length));
      if (national !== null) return { e164: `+${cc}${national}` };
    }
  }
  return slowPath(international === null ? digits : `+${international}`, defaultCountry);
}

function slowPath(input: string, defaultCountry: CountryCode): NormalizedPhoneNumber {
  const phone = parsePhoneNumberFromString(input, defaultCountry);
  if (phone?.isValid()) return { e164: phone.number };
  switch (validatePhoneNumberLength(input, defaultCountry)) {
    case 'TOO_SHORT':
      return { error: 'too short' };
    case 'TOO_LONG':
      return { error: 'too long' };
    case 'INVALID_COUNTRY':
      return { error: 'unknown country calling code' };
    case 'NOT_A_NUMBER':
      return { error: 'not a phone number' };
    case 'INVALID_LENGTH':
      return { error: `invalid length for ${phone?.country ?? defaultCountry}` };
    default:
      return { error: `not a valid ${phone?.country ?? defaultCountry} number` };
  }
}
