export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  finish(): void;
}

/**
 * One line redrawn in place on a terminal; on a pipe (CI, a log file) a plain line at most every
 * `plainEveryMs` so the output stays readable.
 */
export function createProgressBar(stream: NodeJS.WriteStream, plainEveryMs = 2_000): ProgressBar {
  const tty = stream.isTTY === true;
  let lastPlain = 0;
  let drawn = false;
  return {
    update(done, total, label) {
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30;
      const filled = Math.round(ratio * width);
      const text = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(ratio * 100).toFixed(1).padStart(5)}%  ${done}/${total}  ${label}`;
      if (tty) {
        stream.write(`\r\x1b[2K${text}`);
        drawn = true;
      } else if (Date.now() - lastPlain >= plainEveryMs || done === total) {
        lastPlain = Date.now();
        stream.write(`${text}\n`);
      }
    },
    finish() {
      if (tty && drawn) stream.write('\n');
    },
  };
}
