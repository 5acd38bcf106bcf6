import { directives, dispatchRecipients, dispatches, fieldVisitFindings, fieldVisits } from '../server/db/schema/index.js';
import type { DemoContext } from './index.js';
import type { DemoRandom } from './workRandom.js';
import { at, type DemoClock } from './workSchedule.js';

/**
 * What came from above and what a task force saw on the ground: the city's directive after its
 * conference, broken into two points (one answered by all, one still open), and the industry task
 * force's visit to the technical-renovation projects this week, one finding already followed up and two to act on.
 */
export async function loadVisitsAndDirectives(ctx: DemoContext, c: DemoClock, rng: DemoRandom): Promise<{ directives: number; fieldVisits: number }> {
  const { tx } = ctx;
  const office = ctx.users.get('hq_office') ?? null;
  const unit = (code: string) => ctx.units.get(code)!;

  const received = c.cal.addWorkdays(c.today, -6);
  const directiveId = rng.uuid();
  await tx.insert(directives).values({
    id: directiveId,
    source: '市委办公室',
    docNo: '市委办发〔2026〕37号',
    title: '关于贯彻落实全市全面振兴新突破推进大会精神的通知',
    receivedOn: received,
    body: '会议要求各地区各部门对标年度目标逐项盘点，确保首战告捷；加快重点项目建设，四季度实现集中开工。',
    createdById: office,
    createdAt: at(received, 15),
    regionId: ctx.regionId,
  });
  const points = [
    { content: '对标年度目标逐项盘点，形成差距清单报指挥部办公室', units: ['drc', 'industry', 'agriculture'], due: c.cal.addWorkdays(received, 3), replied: ['drc', 'industry', 'agriculture'] },
    { content: '梳理四季度拟开工重点项目，落实开工条件', units: ['drc', 'chem_park'], due: c.cal.addWorkdays(c.today, 4), replied: ['drc'] },
  ];
  for (const p of points) {
    const id = rng.uuid();
    await tx.insert(dispatches).values({ id, kind: 'directive', title: '关于贯彻落实全市全面振兴新突破推进大会精神的通知', body: p.content, deadline: p.due, status: 'sent', createdById: office, createdAt: at(received, 16), sentAt: at(received, 16), subjectType: 'directive', subjectId: directiveId, regionId: ctx.regionId });
    await tx.insert(dispatchRecipients).values(
      p.units.map((code) => ({
        dispatchId: id,
        unitId: unit(code),
        status: p.replied.includes(code) ? 'replied' : 'pending',
        replyText: p.replied.includes(code) ? '已按通知要求梳理并报送。' : null,
        repliedAt: p.replied.includes(code) ? at(c.cal.addWorkdays(received, 2), 11) : null,
      })),
    );
  }

  const visited = c.cal.addWorkdays(c.today, -3);
  const visitId = rng.uuid();
  const taskForce = ctx.users.get('task_force') ?? null;
  await tx.insert(fieldVisits).values({
    id: visitId,
    bodyId: ctx.bodies.get('tf_industry')!,
    visitedOn: visited,
    place: '高新技术产业园区重点技改项目现场',
    participants: '专项推进组副组长、区工业和信息化局分管负责同志、区发展和改革局',
    summary: '实地查看了三个技改项目的厂房建设和设备安装情况，听取了企业关于资金和用电的困难反映。',
    createdById: taskForce,
    createdAt: at(visited, 17),
  });
  const followUpId = rng.uuid();
  const findings = ['一号厂房主体施工进度滞后约两周', '新增变压器增容申请尚未批复，影响设备调试', '技改补贴资金拨付进度慢，企业资金周转紧张'];
  await tx.insert(fieldVisitFindings).values(
    findings.map((text, i) => ({ id: rng.uuid(), visitId, position: i + 1, text, ...(i === 2 ? { outcome: 'follow_up', dispatchId: followUpId } : {}) })),
  );
  await tx.insert(dispatches).values({
    regionId: ctx.regionId,
    id: followUpId,
    kind: 'follow_up',
    title: `${visited} 高新技术产业园区重点技改项目现场`,
    body: findings[2]!,
    deadline: c.cal.addWorkdays(c.today, 5),
    status: 'sent',
    createdById: taskForce,
    createdAt: at(visited, 17, 30),
    sentAt: at(visited, 17, 30),
    subjectType: 'field_visit',
    subjectId: visitId,
  });
  await tx.insert(dispatchRecipients).values([{ dispatchId: followUpId, unitId: unit('industry') }, { dispatchId: followUpId, unitId: unit('finance') }]);
  return { directives: 1, fieldVisits: 1 };
}
