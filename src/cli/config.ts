import { z } from 'zod';

/** Everything the process reads from its environment, parsed once here and nowhere else. */
const EnvSchema = z.object({
  OUTDIAL_DATABASE_URL: z.string().min(1).optional(),
  OUTDIAL_DATA_DIR: z.string().min(1).default('.outdial'),
  OUTDIAL_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  OUTDIAL_DEFAULT_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code such as CN')
    .default('CN'),
  OUTDIAL_TIME_ZONE: z.string().min(1).default('Asia/Shanghai'),
  OUTDIAL_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  OUTDIAL_HOST: z.string().min(1).default('0.0.0.0'),
  /** Base URL receivers reach this server at: the links to recordings in events start with it. */
  OUTDIAL_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://outdial.example.com' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** 32 bytes (64 hex chars or base64) sealing AccessKey secrets; default: a key file in OUTDIAL_DATA_DIR. */
  OUTDIAL_SECRET_KEY: z.string().min(1).optional(),
  /** Days a call's recording is kept after the call; 0 keeps recordings for ever. */
  OUTDIAL_RECORDING_DAYS: z.coerce.number().int().min(0).max(36500).default(180),
  /** API requests per key per minute. */
  OUTDIAL_RATE_LIMIT: z.coerce.number().int().min(1).default(6000),
});

export type Config = z.infer<typeof EnvSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}
