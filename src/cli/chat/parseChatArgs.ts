import { parseArgs } from 'node:util';

/** What `outdial chat` was asked to do. */
export interface ChatArgs {
  file: string;
  /** `--var name=value`, in order; a later value for the same name wins. */
  variables: Record<string, string>;
  json: boolean;
}

/** Reads `<script> [--var name=value ...] [--json]`; throws an Error saying what is wrong. */
export function parseChatArgs(args: readonly string[]): ChatArgs {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { var: { type: 'string', multiple: true }, json: { type: 'boolean' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length === 0) throw new Error('give the script file to talk to');
  if (positionals.length > 1) throw new Error(`give one script file, not ${positionals.length}`);
  const variables: Record<string, string> = {};
  for (const pair of values.var ?? []) {
    const eq = pair.indexOf('=');
    if (eq < 1) throw new Error(`--var takes name=value (got '${pair}')`);
    variables[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { file: positionals[0] as string, variables, json: values.json === true };
}
