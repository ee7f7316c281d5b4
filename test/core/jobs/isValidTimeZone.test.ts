import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '../../../src/core/jobs/isValidTimeZone.js';

describe('isValidTimeZone', () => {
  it.each(['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'UTC', 'Etc/GMT+8', 'Asia/Kathmandu'])(
    'accepts %s',
    (zone) => {
      expect(isValidTimeZone(zone)).toBe(true);
      expect(isValidTimeZone(zone)).toBe(true); // cached answer
    },
  );

  it.each(['', 'Mars/Olympus_Mons', '+08:00', 'GMT+8:00', 'Asia/Shanghai ', 'Z'])('rejects %j', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
    expect(isValidTimeZone(zone)).toBe(false);
  });

  it('rejects non-strings at runtime', () => {
    expect(isValidTimeZone(8 as unknown as string)).toBe(false);
    expect(isValidTimeZone(null as unknown as string)).toBe(false);
  });

  it('stays correct past the cache size', () => {
    for (let i = 0; i < 1500; i++) expect(isValidTimeZone(`Nowhere/Zone_${i}`)).toBe(false);
    expect(isValidTimeZone('Asia/Tokyo')).toBe(true);
  });
});
