/** Telephone audio: 8 kHz, one channel, G.711 µ-law, one byte a sample (8 KB a second). */
export const SAMPLE_RATE = 8000;

/** µ-law of silence. */
export const MU_LAW_SILENCE = 0xff;

const HEADER_BYTES = 58;

/** G.711 µ-law of one 16-bit linear sample. */
export function muLaw(linear: number): number {
  let sample = Math.max(-32768, Math.min(32767, Math.round(linear)));
  const sign = sample < 0 ? 0x80 : 0;
  if (sign) sample = -sample;
  sample = Math.min(sample, 32635) + 0x84;
  let exponent = 7;
  for (let mask = 0x4000; (sample & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (sample >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/**
 * A WAV file of `samples` µ-law bytes, with room for them left to fill from byte `HEADER_BYTES`: a RIFF header
 * with a WAVE_FORMAT_MULAW (7) `fmt ` chunk and the `fact` chunk non-PCM formats need.
 */
export function muLawWav(samples: number): { file: Uint8Array; data: Uint8Array } {
  const pad = samples % 2; // RIFF chunks are word-aligned
  const file = new Uint8Array(HEADER_BYTES + samples + pad);
  const view = new DataView(file.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) file[at + i] = s.charCodeAt(i);
  };
  text(0, 'RIFF');
  view.setUint32(4, file.length - 8, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 18, true);
  view.setUint16(20, 7, true); // WAVE_FORMAT_MULAW
  view.setUint16(22, 1, true); // channels
  view.setUint32(24, SAMPLE_RATE, true);
  view.setUint32(28, SAMPLE_RATE, true); // bytes a second
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits a sample
  view.setUint16(36, 0, true); // no extension
  text(38, 'fact');
  view.setUint32(42, 4, true);
  view.setUint32(46, samples, true);
  text(50, 'data');
  view.setUint32(54, samples, true);
  const data = file.subarray(HEADER_BYTES, HEADER_BYTES + samples);
  data.fill(MU_LAW_SILENCE);
  return { file, data };
}
