import { describe, expect, it } from 'vitest';
import { MU_LAW_SILENCE, muLaw, muLawWav } from '../../../src/telephony/audio/muLawWav.js';
import { renderSimRecording } from '../../../src/telephony/sim/renderSimRecording.js';

/** G.711 µ-law back to linear (the decoder's table formula), to check the encoder against. */
function linear(mu: number): number {
  const u = ~mu & 0xff;
  const t = (((u & 0x0f) << 3) + 0x84) << ((u & 0x70) >> 4);
  return u & 0x80 ? 0x84 - t : t - 0x84;
}

describe('µ-law WAV', () => {
  it('encodes G.711 µ-law: silence, the extremes, and every value within the step of its segment', () => {
    expect(muLaw(0)).toBe(MU_LAW_SILENCE);
    expect(muLaw(32767)).toBe(0x80);
    expect(muLaw(-32768)).toBe(0x00);
    for (let x = -32000; x <= 32000; x += 97) {
      const back = linear(muLaw(x));
      // The quantisation step doubles per segment: 1/16 of the magnitude bounds the error.
      expect(Math.abs(back - x)).toBeLessThanOrEqual(Math.max(8, Math.abs(x) / 16));
    }
  });

  it('writes a RIFF header players read: format 7, 8 kHz mono, fact and data sizes, word-aligned', () => {
    const { file, data } = muLawWav(8001);
    const view = Buffer.from(file);
    expect(view.subarray(0, 4).toString()).toBe('RIFF');
    expect(view.readUInt32LE(4)).toBe(file.length - 8);
    expect(file.length % 2).toBe(0);
    expect(view.subarray(12, 16).toString()).toBe('fmt ');
    expect(view.readUInt16LE(20)).toBe(7);
    expect(view.readUInt16LE(22)).toBe(1);
    expect(view.readUInt32LE(24)).toBe(8000);
    expect(view.subarray(38, 42).toString()).toBe('fact');
    expect(view.readUInt32LE(46)).toBe(8001);
    expect(view.subarray(50, 54).toString()).toBe('data');
    expect(view.readUInt32LE(54)).toBe(8001);
    expect(data.length).toBe(8001);
    expect(data.every((b) => b === MU_LAW_SILENCE)).toBe(true);
  });
});

describe('a simulated call recording', () => {
  const answeredAt = 1_000_000;
  const samplesAt = (wav: Uint8Array, fromMs: number, toMs: number) => wav.subarray(58 + fromMs * 8, 58 + toMs * 8);

  it('lasts the talk, sounds the robot and the contact where they speak, and is silent where nobody does', () => {
    const rec = renderSimRecording(answeredAt, answeredAt + 10_000, [
      { speaker: 'robot', text: 'Hello', at: answeredAt },
      { speaker: 'contact', text: 'yes', at: answeredAt + 3_000 },
      { speaker: 'robot', text: 'Thanks', at: answeredAt + 5_000 },
      { speaker: 'contact', text: '', at: answeredAt + 8_000 },
    ]);
    expect(rec.contentType).toBe('audio/wav');
    expect(rec.durationMs).toBe(10_000);
    expect(rec.data.length).toBe(58 + 80_000);
    const robot = samplesAt(rec.data, 0, 3_000);
    const contact = samplesAt(rec.data, 3_000, 5_000);
    const silence = samplesAt(rec.data, 8_000, 10_000);
    expect(robot.some((b) => b !== MU_LAW_SILENCE)).toBe(true);
    expect(contact.some((b) => b !== MU_LAW_SILENCE)).toBe(true);
    // Different voices: 400 Hz repeats every 20 samples, 250 Hz every 32.
    expect(robot.subarray(0, 20)).toEqual(robot.subarray(20, 40));
    expect(contact.subarray(0, 32)).toEqual(contact.subarray(32, 64));
    expect(robot.subarray(0, 32)).not.toEqual(contact.subarray(0, 32));
    expect(silence.every((b) => b === MU_LAW_SILENCE)).toBe(true);
  });

  it('is silent throughout without a robot, and cut at the hang-up when the call ended mid-turn', () => {
    expect(
      renderSimRecording(answeredAt, answeredAt + 2_000, [])
        .data.subarray(58)
        .every((b) => b === 0xff),
    ).toBe(true);
    const cut = renderSimRecording(answeredAt, answeredAt + 1_000, [
      { speaker: 'robot', text: 'a long prompt', at: answeredAt },
      { speaker: 'contact', text: 'never heard', at: answeredAt + 4_000 },
    ]);
    expect(cut.data.length).toBe(58 + 8_000);
    expect(cut.durationMs).toBe(1_000);
  });
});
