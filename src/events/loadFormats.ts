import type { EventFormat, FormatName } from './format.js';

export type Formats = Partial<Record<FormatName, EventFormat>>;

let loaded: Promise<Formats> | undefined;

/** The vendor formats of src/events/formats/, loaded once; empty when that module is not there. */
export function loadFormats(): Promise<Formats> {
  const spec = './formats/index.js';
  loaded ??= import(spec).then(
    (m: { FORMATS?: Formats }) => m.FORMATS ?? {},
    () => ({}),
  );
  return loaded;
}
