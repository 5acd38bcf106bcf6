import { createHmac } from 'node:crypto';

/** The group robots a message can go to besides the inbox (issue 20 item 4). */
export const ROBOT_KINDS = ['wecom', 'dingtalk'] as const;
export type RobotKind = (typeof ROBOT_KINDS)[number];

/**
 * DingTalk's signed robot URL: `timestamp` (ms) and `sign` = Base64(HMAC-SHA256(secret,
 * "timestamp\nsecret")), URL-encoded, added to the webhook URL (DingTalk's "加签" security setting).
 * A request more than an hour off DingTalk's clock is refused, so it is signed when it is sent.
 */
export function dingtalkSignedUrl(url: string, secret: string, timestampMs: number): string {
  const sign = createHmac('sha256', secret).update(`${timestampMs}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestampMs));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/**
 * The request body each platform's robot reads: markdown text. WeCom's robot is authenticated by
 * the `key` in its URL alone; DingTalk's by the signature above (and its keyword setting, which the
 * title "推进提醒" is meant to match).
 */
export function robotBody(kind: RobotKind, title: string, text: string): unknown {
  if (kind === 'wecom') return { msgtype: 'markdown', markdown: { content: `**${title}**\n${text}` } };
  return { msgtype: 'markdown', markdown: { title, text: `#### ${title}\n${text}` } };
}

/** The URL to post to, signed when the platform needs it. */
export function robotUrl(channel: { kind: string; url: string; secret: string | null }, now: Date): string {
  return channel.kind === 'dingtalk' && channel.secret ? dingtalkSignedUrl(channel.url, channel.secret, now.getTime()) : channel.url;
}

/** Backoff after the nth failed attempt: 1, 5, 15, 60 minutes, then every 3 hours; given up after MAX_ATTEMPTS. */
export const MAX_ATTEMPTS = 8;
export function retryDelayMs(attempts: number): number {
  const minutes = [1, 5, 15, 60][attempts - 1] ?? 180;
  return minutes * 60_000;
}

/**
 * Whether the robot took the message: HTTP 2xx and, both platforms answering JSON, `errcode` 0.
 * Anything else is an error to retry, with what the platform said.
 */
export async function robotAccepted(res: Response): Promise<string | null> {
  const body = await res.text().catch(() => '');
  if (!res.ok) return `HTTP ${res.status} ${body.slice(0, 200)}`.trim();
  try {
    const json = JSON.parse(body) as { errcode?: unknown; errmsg?: unknown };
    return json.errcode === undefined || json.errcode === 0 ? null : `errcode ${String(json.errcode)} ${String(json.errmsg ?? '')}`.trim();
  } catch {
    return null;
  }
}
