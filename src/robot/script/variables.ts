import { RobotError } from '../errors.js';

const NAME = '[A-Za-z_\\u4e00-\\u9fff][A-Za-z0-9_\\u4e00-\\u9fff]{0,63}';

/**
 * A variable reference in a prompt: `${name}`, or Alibaba's `${envVars['VENDOR_PARAM']['name']}`
 * (single or double quotes). Group 1 is the plain name, group 4 the envVars name.
 * Global flag: use it with matchAll/replace, not with exec/test (they keep lastIndex).
 */
export const VARIABLE_PATTERN = new RegExp(
  `\\$\\{(?:(${NAME})|envVars\\[(['"])VENDOR_PARAM\\2\\]\\[(['"])(${NAME})\\3\\])\\}`,
  'gu',
);

export interface VariableRef {
  name: string;
  /** Offsets of the whole `${…}` in the text (end exclusive). */
  start: number;
  end: number;
  syntax: 'plain' | 'envVars';
}

/** A `${` that does not start a valid reference (unclosed, spaces, unknown form). */
export interface MalformedVariable {
  start: number;
  end: number;
  text: string;
}

const AT_REF = new RegExp(VARIABLE_PATTERN.source, 'uy');

function scan(text: string): { refs: VariableRef[]; malformed: MalformedVariable[] } {
  const refs: VariableRef[] = [];
  const malformed: MalformedVariable[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('${', from);
    if (start < 0) break;
    AT_REF.lastIndex = start;
    const m = AT_REF.exec(text);
    if (m !== null) {
      const plain = m[1];
      refs.push({
        name: plain ?? (m[4] as string),
        start,
        end: start + m[0].length,
        syntax: plain ? 'plain' : 'envVars',
      });
      from = start + m[0].length;
    } else {
      const close = text.indexOf('}', start);
      const end = close < 0 ? text.length : close + 1;
      malformed.push({ start, end, text: text.slice(start, end) });
      from = start + 2;
    }
  }
  return { refs, malformed };
}

/** Every valid `${…}` reference in `text`, in order. */
export function findVariableRefs(text: string): VariableRef[] {
  return scan(text).refs;
}

/** Every `${` in `text` that is not a valid reference. */
export function findMalformedVariables(text: string): MalformedVariable[] {
  return scan(text).malformed;
}

/**
 * Puts the values into the references of `text`. A reference without a value throws
 * RobotError `MISSING_VARIABLE` (callers merge declared fallbacks into `values` first).
 */
export function fillVariables(text: string, values: Readonly<Record<string, string>>): string {
  const { refs } = scan(text);
  if (refs.length === 0) return text;
  let out = '';
  let at = 0;
  for (const ref of refs) {
    if (!Object.hasOwn(values, ref.name)) {
      throw new RobotError('MISSING_VARIABLE', `variable '${ref.name}' has no value and no fallback`);
    }
    out += text.slice(at, ref.start) + values[ref.name];
    at = ref.end;
  }
  return out + text.slice(at);
}
