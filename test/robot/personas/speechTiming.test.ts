import { describe, expect, it } from 'vitest';
import { callerSpeechMs, ROBOT_CHARS_PER_SECOND, robotSpeechMs } from '../../../src/robot/personas/speechTiming.js';

describe('speech timing', () => {
  it('speaks Mandarin at about 4 characters and English at about 14 characters a second', () => {
    expect(ROBOT_CHARS_PER_SECOND).toEqual({ zh: 4, en: 14 });
    expect(robotSpeechMs(['您好，请问是张先生吗？'], 4)).toBe(2750); // 11 characters
    expect(robotSpeechMs(['Hello, this is Harbor Bank.'], 14)).toBe(1929); // 27 characters
  });

  it('adds up every prompt of a turn and counts characters, not UTF-16 units', () => {
    expect(robotSpeechMs(['好的。', '再见！'], 4)).toBe(1500);
    expect(robotSpeechMs(['𠀀𠀀'], 4)).toBe(500);
    expect(robotSpeechMs([], 4)).toBe(0);
  });

  it('gives a caller half a second to start, then time for each character', () => {
    expect(callerSpeechMs('', 'zh')).toBe(500);
    expect(callerSpeechMs('明天就还', 'zh')).toBeGreaterThan(callerSpeechMs('明天', 'zh'));
    expect(callerSpeechMs('tomorrow', 'en')).toBeLessThan(callerSpeechMs('明天就还上吧', 'zh'));
  });
});
