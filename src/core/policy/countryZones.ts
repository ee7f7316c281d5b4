/**
 * The IANA zones a country's numbers may ring in, by ISO 3166 country (as libphonenumber-js reads it from
 * an E.164 number). The first zone is the country's reference zone (its capital or most populous one):
 * calendar-day counting uses it. When a country spans several zones, the list holds every UTC offset its
 * populated territory uses at any instant, so a calling period that holds in all of them holds for every
 * callee. A zone is left out when at every instant its offset equals a listed zone's (America/Detroit,
 * America/Ciudad_Juarez, Australia/Hobart …): its open hours are then implied. Left out on purpose: remote
 * islands with few people that would cut hours for a whole country (Aleutians, Easter Island, Chatham
 * Islands, Lord Howe, Fernando de Noronha) and Australia's Eucla. Territories with their own country code
 * (PR, GU, Réunion …) are not listed: their numbers fall back to the job group's zone.
 */
export const COUNTRY_ZONES: Readonly<Record<string, readonly string[]>> = {
  // Asia
  CN: ['Asia/Shanghai'],
  HK: ['Asia/Hong_Kong'],
  TW: ['Asia/Taipei'],
  JP: ['Asia/Tokyo'],
  KR: ['Asia/Seoul'],
  SG: ['Asia/Singapore'],
  MY: ['Asia/Kuala_Lumpur'],
  TH: ['Asia/Bangkok'],
  VN: ['Asia/Ho_Chi_Minh'],
  PH: ['Asia/Manila'],
  ID: ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'],
  IN: ['Asia/Kolkata'],
  PK: ['Asia/Karachi'],
  BD: ['Asia/Dhaka'],
  NP: ['Asia/Kathmandu'],
  AE: ['Asia/Dubai'],
  SA: ['Asia/Riyadh'],
  TR: ['Europe/Istanbul'],
  // Europe
  GB: ['Europe/London'],
  IE: ['Europe/Dublin'],
  DE: ['Europe/Berlin'],
  FR: ['Europe/Paris'],
  // The Canary Islands ring one hour behind the mainland, on the same +34 numbers.
  ES: ['Europe/Madrid', 'Atlantic/Canary'],
  PT: ['Europe/Lisbon', 'Atlantic/Azores'],
  IT: ['Europe/Rome'],
  NL: ['Europe/Amsterdam'],
  PL: ['Europe/Warsaw'],
  RU: [
    'Europe/Moscow',
    'Europe/Kaliningrad',
    'Europe/Samara',
    'Asia/Yekaterinburg',
    'Asia/Omsk',
    'Asia/Krasnoyarsk',
    'Asia/Irkutsk',
    'Asia/Yakutsk',
    'Asia/Vladivostok',
    'Asia/Magadan',
    'Asia/Kamchatka',
  ],
  // Americas
  US: [
    'America/New_York',
    'America/Chicago',
    'America/Denver',
    'America/Phoenix',
    'America/Los_Angeles',
    'America/Anchorage',
    'Pacific/Honolulu',
  ],
  CA: [
    'America/Toronto',
    'America/St_Johns',
    'America/Halifax',
    'America/Winnipeg',
    'America/Regina',
    'America/Edmonton',
    'America/Vancouver',
  ],
  MX: ['America/Mexico_City', 'America/Cancun', 'America/Mazatlan', 'America/Tijuana'],
  BR: ['America/Sao_Paulo', 'America/Manaus', 'America/Rio_Branco'],
  AR: ['America/Argentina/Buenos_Aires'],
  CO: ['America/Bogota'],
  CL: ['America/Santiago', 'America/Punta_Arenas'],
  PE: ['America/Lima'],
  // Oceania
  AU: ['Australia/Sydney', 'Australia/Brisbane', 'Australia/Adelaide', 'Australia/Darwin', 'Australia/Perth'],
  NZ: ['Pacific/Auckland'],
  // Africa
  ZA: ['Africa/Johannesburg'],
  NG: ['Africa/Lagos'],
  KE: ['Africa/Nairobi'],
  EG: ['Africa/Cairo'],
};
