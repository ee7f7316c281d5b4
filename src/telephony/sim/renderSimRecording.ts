import type { TranscriptTurn } from '../../robot/runtime/types.js';
import { muLaw, muLawWav, SAMPLE_RATE } from '../audio/muLawWav.js';
import type { CallRecording } from '../port.js';

/** One period of a sine tone, µ-law. */
function tonePeriod(hz: number, amplitude: number): Uint8Array {
  const n = SAMPLE_RATE / hz;
  return Uint8Array.from({ length: n }, (_, i) => muLaw(amplitude * Math.sin((2 * Math.PI * i) / n)));
}

const ROBOT_VOICE = tonePeriod(400, 8000);
const CONTACT_VOICE = tonePeriod(250, 6000);

/**
 * The recording of a simulated call from its answer to its end. Nobody speaks on a simulated line, so each turn
 * of the conversation sounds as a tone until the next turn: the robot's at 400 Hz, the contact's at 250 Hz, and
 * silence where the contact said nothing. A call without a robot is silent throughout.
 */
export function renderSimRecording(
  answeredAt: number,
  endedAt: number,
  transcript: readonly Pick<TranscriptTurn, 'speaker' | 'text' | 'at'>[],
): CallRecording {
  const durationMs = Math.max(0, endedAt - answeredAt);
  const samples = Math.round((durationMs * SAMPLE_RATE) / 1000);
  const { file, data } = muLawWav(samples);
  const sampleAt = (t: number) => Math.max(0, Math.min(samples, Math.round(((t - answeredAt) * SAMPLE_RATE) / 1000)));
  transcript.forEach((turn, i) => {
    if (turn.speaker === 'contact' && turn.text === '') return;
    const voice = turn.speaker === 'robot' ? ROBOT_VOICE : CONTACT_VOICE;
    const from = sampleAt(turn.at);
    const to = sampleAt(transcript[i + 1]?.at ?? endedAt);
    for (let s = from; s < to; s += voice.length) data.set(voice.subarray(0, Math.min(voice.length, to - s)), s);
  });
  return { contentType: 'audio/wav', data: file, durationMs };
}
