export interface CsvLineCounter {
  /** The line a record starts on, given the parser's `info.lines` for it (the line it ends on). */
  startOf(record: readonly string[], parserLine: number): number;
  /** A line number the parser reports (an error's `lines`), as a line of the file. */
  fileLine(parserLine: number): number;
}

/**
 * Line numbers as a text editor shows them. csv-parse's `info.lines` counts a CRLF inside a quoted cell as
 * two line breaks (every CR and every LF there is one), so after such a cell its count runs ahead of the file;
 * this keeps track of how far.
 */
export function createCsvLineCounter(): CsvLineCounter {
  let ahead = 0;
  return {
    startOf(record, parserLine) {
      let breaks = 0;
      let crlfs = 0;
      for (const cell of record) {
        if (!cell.includes('\n') && !cell.includes('\r')) continue;
        for (let i = 0; i < cell.length; i++) {
          const ch = cell.charCodeAt(i);
          if (ch === 13 && cell.charCodeAt(i + 1) === 10) {
            crlfs++;
            breaks++;
            i++;
          } else if (ch === 10 || ch === 13) breaks++;
        }
      }
      ahead += crlfs;
      return parserLine - ahead - breaks;
    },
    fileLine: (parserLine) => parserLine - ahead,
  };
}
