import { parse } from 'yaml';
import { z } from 'zod';
import { LevelSchema } from '../../../src/robot/script/model.js';

const END_REASONS = ['completed', 'transferred', 'callerHungUp', 'silence', 'noMatch', 'maxRounds', 'error'] as const;

const TurnSchema = z.union([
  z.object({ say: z.string().min(1), interrupted: z.boolean().optional() }).strict(),
  z.object({ silence: z.literal(true) }).strict(),
  z.object({ dtmf: z.string().regex(/^[0-9*#]+$/) }).strict(),
  z.object({ hangup: z.literal(true) }).strict(),
]);
export type CorpusTurn = z.infer<typeof TurnSchema>;

const CountersSchema = z
  .object({
    affirmatives: z.number(),
    refusals: z.number(),
    businessHits: z.number(),
    knowledgeHits: z.number(),
    silences: z.number(),
    noMatches: z.number(),
    interruptions: z.number(),
    rounds: z.number(),
    nodesPassed: z.number(),
  })
  .partial()
  .strict();

/** What a finished call must look like. */
const OutcomeSchema = z
  .object({
    /** Nodes in the order they were first entered (SessionState.visited). */
    path: z.array(z.string()).min(1),
    level: LevelSchema,
    /** A part of the rule that fired (its describe text, or `fallback`). */
    rule: z.string().min(1),
    /** All tags of the grade, in any order. */
    tags: z.array(z.string()),
    ended: z.enum(END_REASONS),
    /** Texts the robot must have spoken somewhere (e.g. a variable's fallback). */
    says: z.array(z.string()).default([]),
    /** Intents that must have been hit. */
    hits: z.array(z.string()).default([]),
    counters: CountersSchema.default({}),
  })
  .strict();

/** A job the robot must refuse to start: startSession throws RobotError with this code. */
const ErrorSchema = z
  .object({
    error: z.string().min(1),
    /** A part of the error message, e.g. the missing variable's name. */
    mentions: z.string().default(''),
  })
  .strict();

const DialogueSchema = z
  .object({
    name: z.string().min(1),
    variables: z.record(z.string(), z.string()).default({}),
    turns: z.array(TurnSchema).default([]),
    expect: z.union([OutcomeSchema, ErrorSchema]),
  })
  .strict();
export type Dialogue = z.infer<typeof DialogueSchema>;

/** A corpus file: a YAML list of dialogues for the example script of the same name. */
export function parseCorpus(text: string): Dialogue[] {
  return z.array(DialogueSchema).min(1).parse(parse(text));
}
