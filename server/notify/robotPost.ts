import { robotAccepted, robotBody, robotUrl, type RobotKind } from './robots.js';

/** A group robot as it is posted to: its platform, address and (DingTalk's) signing secret. */
export interface RobotTarget {
  kind: string;
  url: string;
  secret: string | null;
}

/**
 * Posts one message to a group robot, signed when its platform wants it, waiting at most
 * `timeoutMs`: null when the platform took it, else what went wrong (the platform's answer, or the
 * network's error). Never throws.
 */
export async function postToRobot(post: typeof fetch, robot: RobotTarget, m: { title: string; text: string }, at: Date, timeoutMs: number): Promise<string | null> {
  try {
    const res = await post(robotUrl(robot, at), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(robotBody(robot.kind as RobotKind, m.title, m.text)),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return await robotAccepted(res);
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
}
