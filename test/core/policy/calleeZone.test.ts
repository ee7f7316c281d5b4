import { DateTime, IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calleeZone } from '../../../src/core/policy/calleeZone.js';
import { COUNTRY_ZONES } from '../../../src/core/policy/countryZones.js';

const REQUIRED =
  'CN HK TW JP KR SG MY TH VN PH ID IN PK BD AE SA TR GB IE DE FR ES IT NL PL US CA MX BR AR CO CL PE AU NZ ZA NG KE EG RU'.split(
    ' ',
  );

/** A zone's UTC offset (minutes) on the 1st and 15th of every month of 2026. */
function offsets(zone: string): number[] {
  const out: number[] = [];
  for (let month = 1; month <= 12; month++) {
    for (const day of [1, 15]) out.push(DateTime.fromObject({ year: 2026, month, day, hour: 12 }, { zone }).offset);
  }
  return out;
}

describe('calleeZone', () => {
  it("prefers the job's own zone", () => {
    expect(calleeZone('+8613800138000', 'Asia/Urumqi', 'UTC')).toEqual({ zones: ['Asia/Urumqi'], source: 'job' });
  });

  it("otherwise reads the number's country", () => {
    expect(calleeZone('+819012345678', null, 'UTC')).toEqual({ zones: ['Asia/Tokyo'], source: 'number' });
    expect(calleeZone('+4915123456789', '', 'UTC')).toEqual({ zones: ['Europe/Berlin'], source: 'number' });
    expect(calleeZone('+919876543210', null, 'UTC')).toEqual({ zones: ['Asia/Kolkata'], source: 'number' });
  });

  it('gives every zone of a country that spans several, its reference zone first', () => {
    const us = calleeZone('+12125550123', null, 'UTC');
    expect(us.source).toBe('number');
    expect(us.zones[0]).toBe('America/New_York');
    expect(us.zones).toEqual(expect.arrayContaining(['America/Anchorage', 'Pacific/Honolulu', 'America/Phoenix']));
    expect(calleeZone('+61412345678', null, 'UTC').zones).toContain('Australia/Perth');
    expect(calleeZone('+14165550123', null, 'UTC').zones).toContain('America/St_Johns');
    expect(calleeZone('+79161234567', null, 'UTC').zones).toEqual(
      expect.arrayContaining(['Europe/Moscow', 'Asia/Kamchatka']),
    );
  });

  it("falls back to the group's zone for unknown countries and unreadable numbers", () => {
    expect(calleeZone('+17875550123', null, 'America/Puerto_Rico')).toEqual({
      zones: ['America/Puerto_Rico'],
      source: 'group',
    });
    expect(calleeZone('12345', null, 'Asia/Shanghai')).toEqual({ zones: ['Asia/Shanghai'], source: 'group' });
    expect(calleeZone('+80012345678', null, 'Asia/Shanghai').source).toBe('group');
  });

  it('returns a list the caller may change without changing the table', () => {
    calleeZone('+12125550123', null, 'UTC').zones.push('Europe/Paris');
    expect(COUNTRY_ZONES.US).not.toContain('Europe/Paris');
  });
});

describe('COUNTRY_ZONES', () => {
  it('covers the countries Outdial is used to call', () => {
    for (const country of REQUIRED) expect(COUNTRY_ZONES[country], country).toBeDefined();
  });

  it('names only zones the runtime knows', () => {
    for (const [country, zones] of Object.entries(COUNTRY_ZONES)) {
      for (const zone of zones) expect(IANAZone.isValidZone(zone), `${country} ${zone}`).toBe(true);
    }
  });

  it('lists no zone twice in a country, and no zone that only repeats another of its offsets all year', () => {
    for (const [country, zones] of Object.entries(COUNTRY_ZONES)) {
      expect(new Set(zones).size, country).toBe(zones.length);
      const seen = zones.map((z) => offsets(z).join(','));
      expect(new Set(seen).size, `${country}: ${zones.join(' ')}`).toBe(zones.length);
    }
  });
});
