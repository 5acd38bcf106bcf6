import { dispatchRecipients, dispatches, meetingAgendaItems, meetingUnits, meetings } from '../server/db/schema/index.js';
import { statusSnapshot } from '../server/queries/meetings/snapshot.js';
import type { DemoContext } from './index.js';
import { DEMO_BODIES, DEMO_UNITS } from './org.js';
import type { DemoRandom } from './workRandom.js';
import { at, type DemoClock } from './workSchedule.js';

const LEAD_UNITS = DEMO_BODIES.filter((b) => b.kind === 'task_force').map((b) => b.leadUnit!);
const TOWNS = DEMO_UNITS.filter((u) => u.kind === 'subdistrict' || u.kind === 'town').map((u) => u.code);

/**
 * Two meetings the office works with: the leading group's last one, held two weeks ago, its minutes
 * issued and its two 议定事项 tracked (one answered, one still open); and tomorrow's HQ dispatch
 * meeting, its agenda being prepared with the status of the parties to be heard. Loaded after the
 * lights, so that a hearing's snapshot is the district's status as the lights say.
 */
export async function loadMeetings(ctx: DemoContext, c: DemoClock, rng: DemoRandom): Promise<number> {
  const { tx } = ctx;
  const office = ctx.users.get('hq_office') ?? null;
  const unit = (code: string) => ctx.units.get(code)!;
  const body = (code: string) => ctx.bodies.get(code)!;
  const named = (code: string) => DEMO_BODIES.find((b) => b.code === code)!.name;

  const heldOn = c.cal.addWorkdays(c.today, -10);
  const closedAt = at(c.cal.addWorkdays(heldOn, 1), 17);
  const held = rng.uuid();
  await tx.insert(meetings).values({
    id: held,
    regionId: ctx.regionId,
    kind: 'leading_group',
    title: '全面振兴新突破三年行动领导小组第二次会议',
    heldOn,
    place: '区政府常务会议室',
    attendees: '领导小组组长、副组长，领导小组成员单位主要负责同志，各专项推进组组长',
    minutes:
      '会议听取了工业振兴专项推进组关于三年行动推进情况的汇报，研究部署了四季度重点工作。\n会议指出，各专项推进组要对照年度目标逐项盘点，对进度滞后的任务倒排工期、挂图作战，确保首战告捷。',
    status: 'closed',
    createdById: office,
    createdAt: at(c.cal.addWorkdays(heldOn, -3), 10),
    closedAt,
    closedById: office,
  });
  await tx.insert(meetingUnits).values([...LEAD_UNITS, ...TOWNS].map((code) => ({ meetingId: held, unitId: unit(code) })));
  const heard = await statusSnapshot(tx, { type: 'task_force', id: body('tf_industry'), name: named('tf_industry') }, null, at(heldOn, 9));
  await tx.insert(meetingAgendaItems).values([
    { id: rng.uuid(), meetingId: held, position: 1, kind: 'hearing', title: '听取工业振兴专项推进组工作汇报', bodyId: body('tf_industry'), snapshot: heard, snapshotAt: at(heldOn, 9), note: '进度滞后的任务要倒排工期，明确到人。' },
    { id: rng.uuid(), meetingId: held, position: 2, kind: 'deployment', title: '研究部署四季度重点工作', note: '' },
  ]);
  const decisions = [
    { content: '各专项推进组于会后5个工作日内报送四季度任务倒排工期计划', units: ['industry', 'agriculture', 'chem_park'], due: c.cal.addWorkdays(heldOn, 5), replied: ['industry', 'agriculture', 'chem_park'] },
    { content: '开发区管委会牵头，年底前完成化工园区封闭化管理改造验收', units: ['chem_park', 'ecology'], due: c.cal.addWorkdays(c.today, 8), replied: ['ecology'] },
  ];
  for (const d of decisions) {
    const id = rng.uuid();
    await tx.insert(dispatches).values({
      regionId: ctx.regionId,
      id,
      kind: 'decision',
      title: '全面振兴新突破三年行动领导小组第二次会议',
      body: d.content,
      deadline: d.due,
      status: 'sent',
      createdById: office,
      createdAt: at(heldOn, 11),
      sentAt: at(heldOn, 11),
      subjectType: 'meeting',
      subjectId: held,
    });
    await tx.insert(dispatchRecipients).values(
      d.units.map((code) => ({
        dispatchId: id,
        unitId: unit(code),
        status: d.replied.includes(code) ? 'replied' : 'pending',
        replyText: d.replied.includes(code) ? '已按会议要求制定计划并报送，正在推进落实。' : null,
        repliedAt: d.replied.includes(code) ? at(c.cal.addWorkdays(heldOn, 3), 16) : null,
      })),
    );
  }

  const next = c.cal.addWorkdays(c.today, 1);
  const upcoming = rng.uuid();
  await tx.insert(meetings).values({
    id: upcoming,
    regionId: ctx.regionId,
    kind: 'hq_dispatch',
    title: '三年行动指挥部第十二次调度会',
    heldOn: next,
    place: '区政府三楼会议室',
    attendees: '指挥部总指挥、副总指挥，指挥部办公室，各专项推进组联络员',
    createdById: office,
    createdAt: at(c.today, 9),
  });
  await tx.insert(meetingUnits).values(LEAD_UNITS.map((code) => ({ meetingId: upcoming, unitId: unit(code) })));
  const chem = await statusSnapshot(tx, { type: 'task_force', id: body('tf_chem'), name: named('tf_chem') }, null, at(c.today, 9));
  const jianshe = await statusSnapshot(tx, { type: 'unit', id: unit('jianshe'), name: '建设街道' }, null, at(c.today, 9));
  await tx.insert(meetingAgendaItems).values([
    { id: rng.uuid(), meetingId: upcoming, position: 1, kind: 'hearing', title: '听取石化及精细化工产业链专项推进组推进情况汇报', bodyId: body('tf_chem'), snapshot: chem, snapshotAt: chem ? at(c.today, 9) : null },
    { id: rng.uuid(), meetingId: upcoming, position: 2, kind: 'hearing', title: '听取建设街道推进情况汇报', unitId: unit('jianshe'), snapshot: jianshe, snapshotAt: jianshe ? at(c.today, 9) : null },
    { id: rng.uuid(), meetingId: upcoming, position: 3, kind: 'deployment', title: '研究部署年底前重点任务冲刺' },
  ]);
  return 2;
}
