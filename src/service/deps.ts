import type { Kysely } from 'kysely';
import type { CountryCode } from 'libphonenumber-js';
import type { Clock } from '../core/clock.js';
import type { RecordingLinks } from '../recordings/recordingLinks.js';
import type { RecordingStore } from '../recordings/recordingStore.js';
import type { StoreCaps } from '../store/dialects.js';
import type { Db } from '../store/schema.js';

/** What the operations a face calls (create a group, assign jobs, …) need. */
export interface ServiceDeps {
  db: Kysely<Db>;
  caps: StoreCaps;
  clock: Clock;
  newId: () => string;
  /** Country national phone numbers are read in. */
  defaultCountry: CountryCode;
  /** Zone a job group's windows are read in when it names none. */
  defaultTimeZone: string;
  /** Tells the engine work may be due now (jobs assigned, a group or job resumed). */
  wake?: () => void;
  /** Tells the event dispatcher deliveries were re-queued (a replay) or a subscription resumed. */
  deliveriesChanged?: () => void;
  /** Where calls' recordings are kept: deleting a job group deletes its calls' recordings there. */
  recordings?: RecordingStore;
  /** Signs links to recordings that download without an API key (DownloadRecording's SignatureUrl). */
  recordingLinks?: RecordingLinks;
}
