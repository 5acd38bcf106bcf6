import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tasks } from '../../db/schema/index.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { dispatchDeadline } from '../../testing/dispatchCalls.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { reportingApi } from '../../testing/reportingCalls.js';
import { makeDistrict, makeTask, type District } from '../../testing/workFactories.js';
import { multipart } from '../../testing/xlsx.js';

interface Detail {
  id: string;
  findingCount: number;
  openFindingCount: number;
  photos: { sha256: string; name: string }[];
  findings: { id: string; text: string; outcome: string | null; version: number; blocker: { id: string; title: string; level: string; status: string } | null; followUp: { id: string; light: string; unitCount: number; kind: string; unitNames: string[] } | null }[];
}

describe.each(DATABASE_KINDS)('field visits (issue 21 item 7) on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
  });
  afterAll(async () => h?.close());

  const photo = async (who: District['taskForce']) => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(32)]);
    const body = multipart(png, '围墙现场.png', 'image/png');
    const res = await h.app.inject({ method: 'POST', url: '/api/evidence', payload: body.payload, headers: { ...who.session.headers, ...body.headers } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data.sha256 as string;
  };

  it('is logged by a task force with its findings and photos, and each finding becomes a blocker or a follow-up in one step', async () => {
    const task = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const sha = await photo(d.taskForce);
    const logged = (
      await api.write(
        d.taskForce,
        'POST',
        '/api/field-visits',
        {
          bodyId: d.tfBody.id,
          visitedOn: '2026-12-03',
          place: '化工园区封闭化改造现场',
          participants: '专项推进组副组长、开发区管委会分管负责同志',
          findings: ['围墙施工进度滞后，卡口设备尚未到货', '周边道路养护需交通部门配合'],
          photos: [{ sha256: sha, name: '围墙现场.png' }],
        },
        200,
      )
    ).json().data as Detail;
    expect(logged).toMatchObject({ findingCount: 2, openFindingCount: 2, photos: [{ sha256: sha, name: '围墙现场.png' }] });
    const url = `/api/field-visits/${logged.id}`;
    const [first, second] = logged.findings;

    // A blocker: on the task, for its unit, held at once by the task force; the task's light says so.
    const blocked = (await api.write(d.taskForce, 'POST', `${url}/findings/${first!.id}/blocker`, { itemType: 'task', itemId: task.id, title: '卡口设备未到货', category: 'coordination', version: first!.version }, 200)).json()
      .data as Detail;
    expect(blocked.findings[0]).toMatchObject({ outcome: 'blocker', blocker: { title: '卡口设备未到货', level: 'task_force', status: 'open' } });
    const blocker = (await api.get(d.liaisonA, `/api/blockers/${blocked.findings[0]!.blocker!.id}`)).json().data;
    expect(blocker).toMatchObject({ detail: '围墙施工进度滞后，卡口设备尚未到货', unitId: d.unitA.id });
    const [lit] = await h.db.database.db.select({ reasons: tasks.lightReasons }).from(tasks).where(eq(tasks.id, task.id));
    expect(JSON.stringify(lit!.reasons)).toContain('blocked');

    // A follow-up: out to unit B at once, tracked with a light; B finds it among its orders.
    const deadline = await dispatchDeadline(h.db.database);
    const followed = (await api.write(d.taskForce, 'POST', `${url}/findings/${second!.id}/follow-up`, { unitIds: [d.unitB.id], deadline }, 200)).json().data as Detail;
    expect(followed.findings[1]!.followUp).toMatchObject({ kind: 'follow_up', light: 'green', unitCount: 1, unitNames: [d.unitB.name] });
    expect(followed.openFindingCount).toBe(0);
    const forB = (await api.get(d.liaisonB, '/api/dispatches?kind=follow_up')).json().data as { id: string; content: string }[];
    expect(forB.find((x) => x.id === followed.findings[1]!.followUp!.id)).toMatchObject({ content: '周边道路养护需交通部门配合' });

    // Acted on once; the photo is readable by who reads the visit, not by another task force.
    await api.write(d.taskForce, 'POST', `${url}/findings/${first!.id}/follow-up`, { unitIds: [d.unitB.id], deadline }, 409, 'finding_already_acted');
    expect((await api.get(d.leader, `/api/evidence/${sha}`)).statusCode).toBe(200);
    expect((await api.get(d.otherTaskForce, `/api/evidence/${sha}`)).statusCode).toBe(404);
    expect((await api.get(d.otherTaskForce, url)).statusCode).toBe(404);
    expect((await api.get(d.hq, url)).statusCode).toBe(200);
  });

  it('keeps a task force to its own visits and items, and refuses bad input naming the field', async () => {
    await api.write(d.taskForce, 'POST', '/api/field-visits', { bodyId: d.otherTfBody.id, visitedOn: '2026-12-03', place: '别组现场' }, 403, 'visit_body_not_yours');
    const v = (await api.write(d.taskForce, 'POST', '/api/field-visits', { bodyId: d.tfBody.id, visitedOn: '2026-12-03', place: '现场', findings: ['问题'] }, 200)).json().data as Detail;
    const f = v.findings[0]!;
    const url = `/api/field-visits/${v.id}/findings/${f.id}`;
    // An item of a plan with no task force is not this task force's to hold a blocker on.
    const loose = await makeTask(h.db.database, d.loosePlan.id, [{ unitId: d.unitA.id }]);
    // The item picker of 转为堵点 asks for the task force's items only: the loose plan's are not among them.
    const own = await makeTask(h.db.database, d.plan.id, [{ unitId: d.unitA.id }]);
    const offered = ((await api.get(d.taskForce, `/api/tasks?perPage=200&taskForce=${d.tfBody.id}`)).json().data as { id: string }[]).map((t) => t.id);
    expect(offered).toContain(own.id);
    expect(offered).not.toContain(loose.id);
    expect(((await api.get(d.taskForce, `/api/projects?perPage=200&taskForce=${d.otherTfBody.id}`)).json().data as unknown[]).length).toBe(0);
    expect((await api.get(d.taskForce, '/api/targets?taskForce=not-an-id')).statusCode).toBe(400);
    const other = await api.write(d.taskForce, 'POST', `${url}/blocker`, { itemType: 'task', itemId: loose.id, title: '问题' }, 403, 'visit_item_other_task_force');
    expect(other.json().error.message).toContain('指挥部办公室');
    await api.write(d.otherTaskForce, 'POST', `${url}/blocker`, { itemType: 'task', itemId: loose.id, title: '问题' }, 404);
    await api.write(d.taskForce, 'POST', `${url}/blocker`, { itemType: 'task', itemId: crypto.randomUUID(), title: '问题' }, 404);
    await api.write(d.taskForce, 'POST', `${url}/follow-up`, { unitIds: [], deadline: '2026-12-31' }, 400, 'validation');
    await api.write(d.taskForce, 'POST', `${url}/follow-up`, { unitIds: [d.unitA.id], deadline: '2020-01-02' }, 422, 'dispatch_deadline_past');
    const noPlace = await api.write(d.taskForce, 'POST', '/api/field-visits', { bodyId: d.tfBody.id, visitedOn: '2026-12-03', place: '  ' }, 400, 'validation');
    expect(noPlace.json().error.fields).toHaveProperty('place');
    await api.write(d.taskForce, 'POST', '/api/field-visits', { bodyId: d.tfBody.id, visitedOn: '2026-12-03', place: '现\uD800场' }, 400);
    await api.write(d.taskForce, 'POST', '/api/field-visits', { bodyId: d.tfBody.id, visitedOn: '2026-12-03', place: '现场', findings: ['问\u0000题'] }, 400);
    // A photo someone else uploaded is not one this person took.
    const theirs = await photo(d.hq);
    const notMine = await api.write(d.taskForce, 'POST', '/api/field-visits', { bodyId: d.tfBody.id, visitedOn: '2026-12-03', place: '现场', photos: [{ sha256: theirs, name: 'x.png' }] }, 422, 'evidence_unknown');
    expect(notMine.json().error.fields).toHaveProperty(['photos.0']);
    // A PDF the task force uploaded is evidence, not a photo of the visit.
    const pdf = multipart(Buffer.from('%PDF-1.4\n% 现场情况说明\n%%EOF\n'), '情况说明.pdf', 'application/pdf');
    const up = await h.app.inject({ method: 'POST', url: '/api/evidence', payload: pdf.payload, headers: { ...d.taskForce.session.headers, ...pdf.headers } });
    expect(up.statusCode, up.body).toBe(200);
    const notPhoto = await api.write(d.taskForce, 'POST', '/api/field-visits', { bodyId: d.tfBody.id, visitedOn: '2026-12-03', place: '现场', photos: [{ sha256: up.json().data.sha256, name: '情况说明.pdf' }] }, 422, 'visit_photo_not_image');
    expect(notPhoto.json().error.message).toContain('情况说明.pdf');
  });
});
