import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { COUNTRY_ZONES } from './countryZones.js';

/**
 * Where the callee's wall clock is read. Several zones when the number's country spans several: a base
 * calling period must then hold in every one of them (checkDial intersects), and calendar-day counts use
 * the first.
 */
export interface CalleeZone {
  zones: string[];
  source: 'job' | 'number' | 'group';
}

/**
 * The callee's zone(s): the job's own zone when it has one; else the zones of the number's country
 * (`number` in E.164, country as libphonenumber-js reads it, zones from COUNTRY_ZONES); else the job group's.
 */
export function calleeZone(number: string, jobZone: string | null, groupZone: string): CalleeZone {
  if (jobZone !== null && jobZone !== '') return { zones: [jobZone], source: 'job' };
  const country = parsePhoneNumberFromString(number)?.country;
  const zones = country === undefined ? undefined : COUNTRY_ZONES[country];
  if (zones !== undefined) return { zones: [...zones], source: 'number' };
  return { zones: [groupZone], source: 'group' };
}
