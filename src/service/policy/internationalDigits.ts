import { type CountryCode, getCountryCallingCode, isSupportedCountry, Metadata } from 'libphonenumber-js';

const trunkPrefixes = new Map<CountryCode, string | undefined>();

/** The trunk prefix a country's national numbers start with ('0' in CN, '1' in the US), if it has one. */
function trunkPrefix(country: CountryCode): string | undefined {
  if (trunkPrefixes.has(country)) return trunkPrefixes.get(country);
  const metadata = new Metadata();
  metadata.selectNumberingPlan(country);
  // Present at run time, left out of the type declarations.
  const plan = metadata.numberingPlan as { nationalPrefix?: () => string | undefined } | undefined;
  const prefix = typeof plan?.nationalPrefix === 'function' ? plan.nationalPrefix() : undefined;
  trunkPrefixes.set(country, prefix);
  return prefix;
}

/**
 * The international digits (calling code first, no '+') of the start of a number, formatting removed:
 * `+…` or `00…` as written; national digits after the default country's calling code, its trunk prefix
 * dropped (CN `0`, US `1`).
 */
export function internationalDigits(start: string, defaultCountry: CountryCode): string | { error: string } {
  if (start.startsWith('+')) return start.slice(1);
  if (start.startsWith('00')) return start.slice(2);
  if (!isSupportedCountry(defaultCountry)) return { error: `unsupported default country ${defaultCountry}` };
  const trunk = trunkPrefix(defaultCountry);
  const national = trunk && start.startsWith(trunk) ? start.slice(trunk.length) : start;
  return `${getCountryCallingCode(defaultCountry)}${national}`;
}
