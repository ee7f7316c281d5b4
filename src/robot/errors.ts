/** An error raised by the voice robot, with a stable code for callers to branch on. */
export class RobotError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RobotError';
  }
}
