import type { IntentMatch } from '../match/types.js';
import type { Level } from '../script/model.js';

/** What the caller did in one turn. `at` is the caller's clock (UTC ms) when the turn ended. */
export type TurnInput =
  | {
      kind: 'text';
      text: string;
      at: number /** Spoken while the robot's prompt was still playing. */;
      interrupted?: boolean;
    }
  | { kind: 'dtmf'; digits: string; at: number }
  | { kind: 'silence'; at: number }
  | { kind: 'hangup'; at: number };

/** Why the robot's part of the call ended. */
export type EndReason =
  | 'completed' // a hangup node was reached
  | 'transferred' // a transfer node was reached
  | 'callerHungUp'
  | 'silence' // noInput retries exhausted, hangup node reached through it
  | 'noMatch' // noMatch retries exhausted
  | 'maxRounds'
  | 'error'; // the script could not go on (e.g. a variable missing with no fallback)

/** How the robot interpreted a caller turn. */
export type MatchKind = 'branch' | 'global' | 'knowledge' | 'noMatch' | 'silence' | 'ignored' | 'hangup';

/** One line of the transcript (Alibaba Conversation[] / BaiYing phoneLogs[]). */
export interface TranscriptTurn {
  seq: number;
  speaker: 'robot' | 'contact';
  /** Robot: the prompt as spoken (variables filled). Contact: the utterance, `[dtmf 1]` or '' for silence. */
  text: string;
  at: number;
  nodeId: string;
  /** Contact turns: how the utterance was understood. */
  kind?: MatchKind;
  match?: IntentMatch;
}

/** Counters the grading rules read (names are the expression variables). */
export interface Counters {
  affirmatives: number;
  refusals: number;
  businessHits: number;
  knowledgeHits: number;
  silences: number;
  noMatches: number;
  interruptions: number;
  rounds: number;
  nodesPassed: number;
}

/** The whole conversation state: plain data, serialisable, never mutated (each step returns a new one). */
export interface SessionState {
  scriptName: string;
  nodeId: string;
  /** The node to go back to after a knowledge answer or a `return` global. */
  returnTo: string | null;
  variables: Record<string, string>;
  counters: Counters;
  /** Times each branch/global was taken: key `${nodeId}:${intent}` or `global:${intent}`. */
  repeats: Record<string, number>;
  /** Retries used on the current node: noInput and noMatch. */
  retries: { noInput: number; noMatch: number };
  visited: string[];
  hits: string[];
  tags: string[];
  transcript: TranscriptTurn[];
  startedAt: number;
  lastAt: number;
  ended: EndReason | null;
  transferTo: string | null;
}

/** What the robot does after a step. */
export interface RobotOutput {
  /** Prompts to speak, in order (variables filled). */
  say: string[];
  /** `listen` = wait for the caller; `hangup`/`transfer` = the robot's part ends. */
  action: 'listen' | 'hangup' | 'transfer';
  /** May the caller interrupt what is said now? */
  bargeIn: boolean;
  /** Silence (ms) after which the adapter sends a `silence` turn. */
  silenceTimeoutMs: number;
  /** How the last caller turn was understood (absent on the first step). */
  understood?: { kind: MatchKind; match?: IntentMatch };
}

export interface StepResult {
  state: SessionState;
  output: RobotOutput;
}

/** The grade of a finished call (BaiYing taskResult, Alibaba Summary[]). */
export interface CallGrade {
  level: Level;
  /** Display label, e.g. `A(有明确意向)` / `A (clear interest)`. */
  label: string;
  /** The text of the rule that fired (its `describe`, else its `when`); `fallback` when none did. */
  rule: string;
  tags: string[];
}

/** What a telephony adapter knows about the call when grading it. */
export interface CallFacts {
  answered: boolean;
  /** TaskStatus name of the attempt (`Succeeded`, `Busy`, `NoAnswer`, …). */
  status: string;
  talkSeconds: number;
}
