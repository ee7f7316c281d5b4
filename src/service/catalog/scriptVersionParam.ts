import { invalidField, OutdialError } from '../../core/errors.js';

/** A version number as a caller gives it: an integer ≥ 1. */
export function checkVersionNumber(version: unknown, field = 'version'): number {
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw invalidField(field, 'must be a script version number (an integer ≥ 1)');
  }
  return version;
}

export const scriptVersionNotFound = (scriptId: string, version: number): OutdialError =>
  new OutdialError('SCRIPT_VERSION_NOT_FOUND', `version: script ${scriptId} has no version ${version}`, {
    field: 'version',
  });
