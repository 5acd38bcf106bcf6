import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { dispatchDeadline } from '../../testing/dispatchCalls.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { reportingApi } from '../../testing/reportingCalls.js';
import { makeDistrict, type District } from '../../testing/workFactories.js';

interface Detail {
  id: string;
  pointCount: number;
  answeredPointCount: number;
  points: { id: string; kind: string; content: string; unitNames: string[]; light: string; repliedCount: number; unitCount: number; subject: { type: string; id: string; title: string } }[];
}

describe.each(DATABASE_KINDS)('higher-level directives (上级指示, issue 21 item 4) on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  it('is registered by the office, broken into points for units, each tracked to reply and read back by the leader', async () => {
    const deadline = await dispatchDeadline(h.db.database);
    const body = {
      source: '市委办公室',
      docNo: '市委办发〔2026〕12号',
      title: '关于贯彻落实全市振兴发展大会精神的通知',
      receivedOn: '2026-12-01',
      body: '会议要求各地对标年度目标，确保首战告捷。',
      points: [
        { content: '对标年度目标逐项盘点，报送差距清单', unitIds: [d.unitA.id, d.unitB.id], deadline },
        { content: '年底前完成重点项目集中开工', unitIds: [d.unitB.id], deadline },
      ],
    };
    const registered = (await api.write(d.hq, 'POST', '/api/directives', body, 200)).json().data as Detail;
    expect(registered).toMatchObject({ pointCount: 2, answeredPointCount: 0 });
    expect(registered.points.map((p) => [p.kind, p.content, p.unitNames.length, p.light])).toEqual([
      ['directive', '对标年度目标逐项盘点，报送差距清单', 2, 'green'],
      ['directive', '年底前完成重点项目集中开工', 1, 'green'],
    ]);
    expect(registered.points[0]!.subject).toEqual({ type: 'directive', id: registered.id, title: body.title });
    // Unit A sees its one point among its orders and replies; the leader reads it under the directive.
    const forA = (await api.get(d.liaisonA, '/api/dispatches?kind=directive')).json().data as { id: string }[];
    expect(forA.map((x) => x.id)).toEqual([registered.points[0]!.id]);
    await api.write(d.liaisonA, 'POST', `/api/dispatches/${registered.points[0]!.id}/replies`, { answer: '差距清单已报送' }, 200);
    const read = (await api.get(d.leader, `/api/directives/${registered.id}`)).json().data as Detail;
    expect(read.points[0]).toMatchObject({ repliedCount: 1, unitCount: 2 });
    // A later point; once unit B has answered both, the directive counts them answered.
    const more = (await api.write(d.hq, 'POST', `/api/directives/${registered.id}/points`, { content: '建立周调度机制', unitIds: [d.unitA.id], deadline }, 200)).json().data as Detail;
    expect(more.pointCount).toBe(3);
    await api.write(d.liaisonB, 'POST', `/api/dispatches/${registered.points[1]!.id}/replies`, { answer: '已集中开工 12 个' }, 200);
    const listed = (await api.get(d.leader, '/api/directives')).json().data as { id: string; answeredPointCount: number }[];
    expect(listed.find((x) => x.id === registered.id)!.answeredPointCount).toBe(1);
  });

  it('is the office’s to register, and refuses bad input naming the field under its point', async () => {
    const base = { source: '省委办公厅', title: '通知', receivedOn: '2026-12-01' };
    for (const who of [d.leader, d.taskForce, d.liaisonA]) await api.write(who, 'POST', '/api/directives', base, 403, 'forbidden');
    expect((await api.get(d.liaisonA, '/api/directives')).statusCode).toBe(403);
    const past = await api.write(d.hq, 'POST', '/api/directives', { ...base, points: [{ content: '事项', unitIds: [d.unitA.id], deadline: '2020-01-02' }] }, 422, 'dispatch_deadline_past');
    expect(past.json().error.fields).toHaveProperty(['points.0.deadline']);
    const unknown = await api.write(d.hq, 'POST', '/api/directives', { ...base, points: [{ content: '事项', unitIds: [crypto.randomUUID()], deadline: await dispatchDeadline(h.db.database) }] }, 422);
    expect(unknown.json().error.fields).toHaveProperty(['points.0.unitIds']);
    await api.write(d.hq, 'POST', '/api/directives', { ...base, source: '  ' }, 400, 'validation');
    await api.write(d.hq, 'POST', '/api/directives', { ...base, title: '通\uDC00知' }, 400);
    await api.write(d.hq, 'POST', `/api/directives/${crypto.randomUUID()}/points`, { content: '事项', unitIds: [d.unitA.id], deadline: await dispatchDeadline(h.db.database) }, 404);
  });
});
