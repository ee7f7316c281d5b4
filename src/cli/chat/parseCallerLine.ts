/** One line typed by the person playing the caller. */
export type CallerCommand =
  | { kind: 'say'; text: string }
  | { kind: 'silence' }
  | { kind: 'dtmf'; digits: string }
  | { kind: 'hangup' }
  | { kind: 'state' }
  | { kind: 'quit' }
  | { kind: 'help' }
  | { kind: 'invalid'; message: string };

export const CALLER_COMMANDS_HELP =
  'type what the caller says; an empty line is silence; /dtmf 1 keys digits; /hangup hangs up; ' +
  '/state shows counters, node and tags; /quit leaves; /help shows this';

/** Text is an utterance, a blank line silence, `/word …` a command. */
export function parseCallerLine(line: string): CallerCommand {
  const text = line.trim();
  if (text === '') return { kind: 'silence' };
  if (!text.startsWith('/')) return { kind: 'say', text };
  const [word = '', ...rest] = text.slice(1).split(/\s+/);
  const argument = rest.join('');
  switch (word.toLowerCase()) {
    case 'dtmf':
      return /^[0-9*#]+$/.test(argument)
        ? { kind: 'dtmf', digits: argument }
        : { kind: 'invalid', message: '/dtmf takes keys 0-9, * or #, e.g. /dtmf 1' };
    case 'hangup':
    case 'state':
    case 'quit':
    case 'help':
      return { kind: word.toLowerCase() as 'hangup' | 'state' | 'quit' | 'help' };
    default:
      return { kind: 'invalid', message: `unknown command '/${word}': ${CALLER_COMMANDS_HELP}` };
  }
}
