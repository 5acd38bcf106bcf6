import { describe, expect, it } from 'vitest';
import { afterFailure, nextStep, recover, resend, sendable, uuidV4, type QueuedReport } from './outboxState.js';

const entry = (over: Partial<QueuedReport> = {}): QueuedReport => ({
  key: 'k1',
  createKey: 'c1',
  submitKey: 's1',
  userId: 'u1',
  queuedAt: '2026-06-10T02:00:00.000Z',
  item: { itemType: 'task', itemId: 'i1', code: 'T-1', title: '摸排' },
  period: '2026-06',
  body: { text: '', percent: '70', evidence: [], blockers: [] },
  photos: [
    { key: 'p1', name: 'a.jpg', blob: new Blob(['a']) },
    { key: 'p2', name: 'b.jpg', blob: new Blob(['b']) },
  ],
  state: 'waiting',
  attempts: 0,
  ...over,
});

describe('a queued report', () => {
  it('uploads its photos one by one, then is created, then submitted', () => {
    const e = entry();
    expect(nextStep(e)).toEqual({ step: 'upload', photo: 0 });
    const one = { ...e, photos: [{ ...e.photos[0]!, sha256: 'x' }, e.photos[1]!] };
    expect(nextStep(one)).toEqual({ step: 'upload', photo: 1 });
    const both = { ...one, photos: one.photos.map((p) => ({ ...p, sha256: 'x' })) };
    expect(nextStep(both)).toEqual({ step: 'create' });
    expect(nextStep({ ...both, reportId: 'r1', version: 1 })).toEqual({ step: 'submit' });
  });

  it('waits again after no network or a busy server, and is held with the reason after a refusal', () => {
    expect(afterFailure(entry({ state: 'sending' }), { status: 0, code: 'network', message: '无法连接' })).toMatchObject({ state: 'waiting', attempts: 1, problem: undefined });
    for (const status of [500, 503, 408, 429]) expect(afterFailure(entry({ state: 'sending' }), { status, code: 'x', message: 'busy' }).state).toBe('waiting');
    const returned = afterFailure(entry({ state: 'sending' }), { status: 409, code: 'report_exists', message: '本单位2026-06的报送已存在' });
    expect(returned).toMatchObject({ state: 'held', problem: { status: 409, code: 'report_exists' } });
    expect(afterFailure(entry({ state: 'sending' }), { status: 401, code: 'session_expired', message: '登录已过期' }).state).toBe('held');
  });

  it('resent: waits again with fresh keys for the steps the server refused, and keeps what it made', () => {
    let n = 0;
    const fresh = () => `new${++n}`;
    const held = entry({ state: 'held', problem: { status: 409, code: 'x', message: 'm' }, photos: [{ key: 'p1', name: 'a.jpg', blob: new Blob(['a']), sha256: 'done' }, { key: 'p2', name: 'b.jpg', blob: new Blob(['b']) }] });
    const again = resend(held, fresh);
    expect(again).toMatchObject({ state: 'waiting', problem: undefined, createKey: 'new2', submitKey: 'new3' });
    expect(again.photos.map((p) => p.key)).toEqual(['p1', 'new1']);
    // Created already: the report keeps its create key, only the submit is asked again.
    expect(resend({ ...held, reportId: 'r1' }, fresh).createKey).toBe('c1');
  });

  it('a send a closed tab left half-done waits again', () => {
    expect(recover(entry({ state: 'sending' })).state).toBe('waiting');
    expect(recover(entry({ state: 'held' })).state).toBe('held');
  });
});

describe('the queue', () => {
  it('sends only the signed-in user’s waiting reports, oldest first', () => {
    const list = [
      entry({ key: 'b', queuedAt: '2026-06-10T03:00:00Z' }),
      entry({ key: 'a', queuedAt: '2026-06-10T01:00:00Z' }),
      entry({ key: 'other', userId: 'u2' }),
      entry({ key: 'held', state: 'held' }),
    ];
    expect(sendable(list, 'u1').map((e) => e.key)).toEqual(['a', 'b']);
    expect(sendable(list, 'u3')).toEqual([]);
  });

  it('keys are uuid v4', () => {
    const k = uuidV4();
    expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidV4()).not.toBe(k);
    expect(uuidV4((b) => b.fill(255))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
