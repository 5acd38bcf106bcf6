import fs from 'node:fs';

/**
 * Every statement and its parameters appended to a file as one JSON line (TUIJIN_SQL_LOG), written
 * synchronously so that a reader who has seen a reply finds all of its statements in the file.
 * For diagnostics and the bench, which replays a request's statements bare through the driver: it
 * slows every statement and writes parameters (session tokens among them) in the clear.
 */
export function sqlLogger(file: string): (query: string, params: unknown[]) => void {
  const fd = fs.openSync(file, 'a', 0o600);
  return (query, params) => {
    fs.writeSync(fd, `${JSON.stringify({ query, params })}\n`);
  };
}
