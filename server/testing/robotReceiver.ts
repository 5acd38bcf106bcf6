import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/** The DingTalk robot's signing secret the receiver checks against. */
export const SECRET = 'SEC-dingtalk-test-secret';

/**
 * A WeCom- and DingTalk-shaped robot receiver on loopback: WeCom's is down for its first request
 * (HTTP 500); DingTalk's checks the signature as DingTalk does and says errcode 310000 when it is wrong.
 */
export function robotReceiver() {
  const received: { path: string; body: { msgtype: string; markdown: Record<string, string> } }[] = [];
  let wecomCalls = 0;
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      res.setHeader('content-type', 'application/json');
      if (url.pathname === '/cgi-bin/webhook/send') {
        if (wecomCalls++ === 0) return void res.writeHead(500).end('{"errcode":-1,"errmsg":"busy"}');
        if (url.searchParams.get('key') !== 'wecom-key') return void res.end('{"errcode":93000,"errmsg":"invalid webhook url"}');
      } else {
        const ts = url.searchParams.get('timestamp') ?? '';
        const sign = createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
        if (url.searchParams.get('sign') !== sign || url.searchParams.get('access_token') !== 'ding-token') return void res.end('{"errcode":310000,"errmsg":"sign not match"}');
      }
      received.push({ path: url.pathname, body: JSON.parse(raw) });
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  return { server, received };
}
