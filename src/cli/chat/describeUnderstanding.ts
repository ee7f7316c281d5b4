import type { RobotOutput } from '../../robot/runtime/types.js';

/** `branch · intent 'yes' · exact: yes`, `noMatch`, `ignored (…)`: how the robot took a caller turn. */
export function describeUnderstanding(understood: NonNullable<RobotOutput['understood']>): string {
  const { kind, match } = understood;
  if (match) return `${kind} · intent '${match.intent}' · ${match.how}: ${match.words.join(', ')}`;
  if (kind === 'ignored') return 'ignored (this prompt cannot be interrupted; the robot talks on)';
  if (kind === 'noMatch') return 'noMatch (no intent of this node matched)';
  return kind;
}
