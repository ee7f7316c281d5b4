import { z } from 'zod';

/**
 * The script (话术) format: what a robot says, what it understands and how it grades a call.
 * Written as JSON or YAML; ids are [A-Za-z0-9_-] so they read well in paths and vendor fields
 * (BaiYing decisionId, Alibaba Conversation ActionParams).
 */
const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'letters, digits, _ or -, starting with a letter');

/** What hitting an intent says about the customer; feeds the affirmatives/refusals counters. */
export const Semantic = z.enum(['positive', 'negative', 'neutral']);
export type Semantic = z.infer<typeof Semantic>;

/** How an utterance is recognised. Any of the ways may be given; at least one must be. */
export const IntentSchema = z
  .object({
    semantic: Semantic.default('neutral'),
    /** Simple keywords: any one occurring in the utterance matches. */
    keywords: z.array(z.string().min(1)).default([]),
    /** Combinations: every word of one inner list occurs (in any order). */
    allOf: z.array(z.array(z.string().min(1)).min(2)).default([]),
    /** The whole utterance (normalised) equals one of these. */
    exact: z.array(z.string().min(1)).default([]),
    /** JavaScript regular expressions (flags `iu`) tested against the normalised utterance. */
    regex: z.array(z.string().min(1)).default([]),
    /** Example phrases: an utterance similar enough to one matches. */
    examples: z.array(z.string().min(1)).default([]),
    /** DTMF digits that count as this intent (`1`, `#`, `12`). */
    dtmf: z.array(z.string().regex(/^[0-9*#]+$/)).default([]),
  })
  .strict();
export type Intent = z.infer<typeof IntentSchema>;

/** Words the robot speaks; `${name}` and `${envVars['VENDOR_PARAM']['name']}` take job variables. */
const Prompt = z.string().min(1);

/** Where to go next: a node id; in knowledge `then` and global `goto` also `return` (back to the node interrupted). */
const Target = z.string().min(1);

export const BranchSchema = z
  .object({
    intent: id,
    /** Said before moving on (optional). */
    say: Prompt.optional(),
    goto: Target,
    /**
     * How many times this branch may be taken in one call before `exceeded` is used instead
     * (loop protection). Default: the script's `options.maxBranchRepeats`.
     */
    maxRepeats: z.number().int().min(1).optional(),
    exceeded: Target.optional(),
  })
  .strict();
export type Branch = z.infer<typeof BranchSchema>;

/** A retry rule for silence (noInput) or an unrecognised answer (noMatch). */
export const RetrySchema = z
  .object({
    /** Said instead of the node's prompt on each retry; the node's prompt is repeated when absent. */
    say: z.array(Prompt).default([]),
    /** Retries on this node before `then` (0 = go to `then` at once). */
    retries: z.number().int().min(0).default(2),
    // biome-ignore lint/suspicious/noThenProperty: a script field, never awaited
    then: Target,
  })
  .strict();
export type Retry = z.infer<typeof RetrySchema>;

const nodeBase = {
  /** Spoken when the node is entered. */
  say: Prompt.optional(),
  /** May the caller interrupt this node's prompt? Default: `options.bargeIn`. */
  bargeIn: z.boolean().optional(),
  /** Tags added when the node is entered (e.g. `promised_to_pay`). */
  tags: z.array(id).default([]),
  /** Variables set when the node is entered (values may use `${…}`). */
  set: z.record(id, z.string()).default({}),
};

export const NodeSchema = z.discriminatedUnion('type', [
  /** Speak and move on without listening. */
  z.object({ type: z.literal('say'), ...nodeBase, say: Prompt, goto: Target }).strict(),
  /** Speak, listen, follow the first branch whose intent the answer hits. */
  z
    .object({
      type: z.literal('ask'),
      ...nodeBase,
      say: Prompt,
      branches: z.array(BranchSchema).min(1),
      noMatch: RetrySchema.optional(),
      noInput: RetrySchema.optional(),
      /** Global intents and knowledge answers are not matched on this node (e.g. a yes/no confirmation). */
      globals: z.boolean().default(true),
    })
    .strict(),
  /** Hand the call to a human (queue, skill group or number). Ends the robot's part. */
  z.object({ type: z.literal('transfer'), ...nodeBase, target: z.string().min(1) }).strict(),
  /** Speak (optionally) and hang up. `outcome` names how the call ended for reports. */
  z
    .object({
      type: z.literal('hangup'),
      ...nodeBase,
      outcome: z.enum(['completed', 'refused', 'busy', 'wrongPerson', 'noResponse', 'failed']).default('completed'),
    })
    .strict(),
]);
export type ScriptNode = z.infer<typeof NodeSchema>;
export type NodeType = ScriptNode['type'];

/** A question the customer may ask anywhere; the robot answers and returns (or goes on). */
export const KnowledgeSchema = z
  .object({
    intent: id,
    answer: Prompt,
    /** `return` (default) repeats the interrupted node's prompt; or a node id. */
    // biome-ignore lint/suspicious/noThenProperty: a script field, never awaited
    then: Target.default('return'),
    /** Counts as a business question (BaiYing 命中业务问题) in grading. */
    business: z.boolean().default(true),
  })
  .strict();
export type Knowledge = z.infer<typeof KnowledgeSchema>;

/** An intent matchable from any node that allows globals: busy, who are you, not interested, repeat, … */
export const GlobalSchema = z
  .object({
    intent: id,
    say: Prompt.optional(),
    /** A node id, `return` (go back to the interrupted node) or `repeat` (say its prompt again). */
    goto: Target,
    maxRepeats: z.number().int().min(1).optional(),
    exceeded: Target.optional(),
  })
  .strict();
export type Global = z.infer<typeof GlobalSchema>;

export const VariableSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]{0,63}$/),
    description: z.string().default(''),
    /** Spoken when the job lacks the variable; without it a job missing the variable is refused. */
    fallback: z.string().optional(),
  })
  .strict();
export type Variable = z.infer<typeof VariableSchema>;

export const LevelSchema = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);
export type Level = z.infer<typeof LevelSchema>;

/** One ordered grading rule: the first whose `when` holds gives the level. */
export const LevelRuleSchema = z
  .object({
    level: LevelSchema,
    /** An expression over the call's counters, e.g. `refusals <= 1 and businessHits >= 1`. */
    when: z.string().min(1),
    /** Shown as the rule that fired (BaiYing resultDesc); defaults to `when`. */
    describe: z.string().optional(),
  })
  .strict();
export type LevelRule = z.infer<typeof LevelRuleSchema>;

export const TagRuleSchema = z.object({ tag: id, when: z.string().min(1) }).strict();
export type TagRule = z.infer<typeof TagRuleSchema>;

export const GradingSchema = z
  .object({
    /** Ordered: the first rule that holds wins. Omitted = the shipped defaults (BaiYing's rules). */
    levels: z.array(LevelRuleSchema).optional(),
    /** Level when no rule holds; default F with your own levels, C with the shipped ones (as BaiYing's). */
    fallback: LevelSchema.optional(),
    /** Display labels per level; omitted = BaiYing's labels in the script's language. */
    labels: z.partialRecord(LevelSchema, z.string()).default({}),
    /** Tags added when their expression holds at the end of the call. */
    tags: z.array(TagRuleSchema).default([]),
  })
  .strict();
export type Grading = z.infer<typeof GradingSchema>;

export const OptionsSchema = z
  .object({
    /** Robot turns before the call is ended by `onMaxRounds` (loop protection). */
    maxRounds: z.number().int().min(1).default(30),
    /** Where to go when `maxRounds` is reached; must be a hangup node. */
    onMaxRounds: Target.optional(),
    /** Default repeat limit per branch or global intent per call. */
    maxBranchRepeats: z.number().int().min(1).default(3),
    /** Caller silence (ms) after a prompt that counts as no input. */
    silenceTimeoutMs: z.number().int().min(500).default(5000),
    /** May the caller interrupt prompts by default? */
    bargeIn: z.boolean().default(true),
    /** Similarity (0..1) an utterance needs with an intent's example phrase to match it. */
    exampleThreshold: z.number().min(0).max(1).default(0.6),
  })
  .strict();
export type Options = z.infer<typeof OptionsSchema>;

export const ScriptSchema = z
  .object({
    /** Format version of this file. */
    format: z.literal(1).default(1),
    name: z.string().min(1).max(200),
    description: z.string().default(''),
    /** `zh` (Mandarin) or `en`: picks the tokenizer, default labels and persona phrases. */
    language: z.enum(['zh', 'en']),
    industry: z.string().default(''),
    scene: z.string().default(''),
    variables: z.array(VariableSchema).default([]),
    options: OptionsSchema.prefault({}),
    intents: z.record(id, IntentSchema),
    globals: z.array(GlobalSchema).default([]),
    knowledge: z.array(KnowledgeSchema).default([]),
    start: id,
    nodes: z.record(id, NodeSchema),
    grading: GradingSchema.prefault({}),
  })
  .strict();
/** A script as written (defaults filled in). */
export type Script = z.infer<typeof ScriptSchema>;
/** A script as an author may write it (defaults optional). */
export type ScriptInput = z.input<typeof ScriptSchema>;
