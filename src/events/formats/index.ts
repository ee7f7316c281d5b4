import type { EventFormat, FormatName } from '../format.js';
import { airudderFormat } from './airudder.js';
import { alibabaFormat } from './alibaba.js';
import { baiyingFormat } from './baiying.js';
import { cloudEventsFormat } from './cloudevents.js';

/** Every format a subscription may choose, by name. */
export const FORMATS: Readonly<Record<FormatName, EventFormat>> = {
  cloudevents: cloudEventsFormat,
  alibaba: alibabaFormat,
  baiying: baiyingFormat,
  airudder: airudderFormat,
};
