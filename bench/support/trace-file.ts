// Trace lines for a benchmark run: buffered and appended to a file once a second and at exit, so tracing puts no
// synchronous file write on the path it measures.
import { appendFileSync } from 'node:fs';

/** Returns a function that queues one line (without its newline) for `file`. */
export function traceFile(file: string): (line: string) => void {
  const lines: string[] = [];
  const flush = (): void => {
    if (lines.length > 0) appendFileSync(file, `${lines.splice(0).join('\n')}\n`);
  };
  setInterval(flush, 1_000).unref();
  process.on('exit', flush);
  return (line) => void lines.push(line);
}
