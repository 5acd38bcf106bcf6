import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A mailbox the receiver refuses for good (550). */
export const REFUSED = 'moved-away@example.gov.cn';

export interface Received {
  to: string;
  subject: string;
  text: string;
  from: string;
}

/**
 * A real SMTP server (the smtp-server library) on loopback, as a district's mail relay: plain, no
 * login; it refuses one mailbox for good (550) and, when `silent`, never greets (a hung server).
 */
export function mailReceiver(port: number, opts: { silent?: boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect: (_session, done) => void (opts.silent ? undefined : done()),
    onRcptTo: (address, _session, done) => done(address.address === REFUSED ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }) : undefined),
    onData: (stream, _session, done) => {
      simpleParser(stream)
        .then((m) => {
          received.push({ to: (Array.isArray(m.to) ? m.to[0] : m.to)?.text ?? '', subject: m.subject ?? '', text: m.text ?? '', from: m.from?.text ?? '' });
          done();
        })
        .catch(done);
    },
  });
  const listening = new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)));
  return { received, listening, close: () => new Promise<void>((r) => server.close(() => r())) };
}
