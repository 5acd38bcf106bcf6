import { pino, type Logger } from 'pino';
import type { LogLevel } from './config.js';

/**
 * The process's one logger: start-up, the scheduled jobs and the requests (Fastify takes it as its
 * loggerInstance) all write pino JSON lines, so a log shipper reads every line the same way.
 */
export function processLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return destination ? pino({ level }, destination) : pino({ level });
}

/**
 * The lines a person must read at start (the address, the demo logins, the first administrators'
 * passwords) are always logged as one JSON record; as text too only when a person watches the
 * console (config.consoleText). Under a service manager the console is a log, where text lines
 * would be the only ones a log reader could not parse.
 */
export function printForPerson(consoleText: boolean, lines: readonly string[], write = (text: string) => void process.stdout.write(text)): void {
  if (consoleText && lines.length) write(`${lines.join('\n')}\n`);
}
