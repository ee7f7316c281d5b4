import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/store/uuidv7.js';

describe('uuidv7', () => {
  it('is a version 7, variant 1 UUID carrying its millisecond time', () => {
    const at = Date.UTC(2026, 11, 1, 12, 0, 0, 123);
    const id = uuidv7(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16)).toBe(at);
  });

  it('ids of later milliseconds sort later, and ids of one millisecond differ', () => {
    const at = Date.UTC(2026, 11, 1);
    const ids = Array.from({ length: 1000 }, (_, i) => uuidv7(at + i));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => uuidv7(at))).size).toBe(1000);
  });
});
