import type { Script as ScriptBody } from '../../robot/script/model.js';

/** One written version of a script, without its body: what a version listing shows. */
export interface ScriptVersionInfo {
  scriptId: string;
  /** 1 for the first body, then 2, 3 … */
  version: number;
  createdAt: number;
  /** When it was first published; null while it never has been. */
  publishedAt: number | null;
}

/** A version with its body: the validated script the robot runs (defaults filled in) and the text as sent. */
export interface ScriptVersion extends ScriptVersionInfo {
  body: ScriptBody;
  /** YAML or JSON, as the author wrote it. */
  source: string;
}
