/**
 * One problem found in a script. `path` names the field as the author wrote it
 * (`nodes.greet.branches[1].goto`, '' for the whole file); `line`/`column` (1-based) point into
 * the source text when the script was parsed from text.
 */
export interface ScriptIssue {
  path: string;
  code: string;
  message: string;
  line?: number;
  column?: number;
}

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** `['nodes', 'greet', 'branches', 1, 'goto']` → `nodes.greet.branches[1].goto`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (typeof segment === 'string' && PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(String(segment))}]`;
  }
  return out;
}

const SEGMENT = /\.?([A-Za-z_$][A-Za-z0-9_$-]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;

/** The inverse of formatPath: `nodes.greet.branches[1]` → `['nodes', 'greet', 'branches', 1]`. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  SEGMENT.lastIndex = 0;
  while (SEGMENT.lastIndex < path.length) {
    const m = SEGMENT.exec(path);
    if (m === null) break;
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else if (m[3] !== undefined) segments.push(JSON.parse(m[3]) as string);
  }
  return segments;
}

/** Builds an issue; `path` may be given as segments. */
export function scriptIssue(path: string | readonly PropertyKey[], code: string, message: string): ScriptIssue {
  return { path: typeof path === 'string' ? path : formatPath(path), code, message };
}
