import { asc, eq } from 'drizzle-orm';
import type { PromiseStatus, RequestStatus } from '../domain/promises.js';
import { oversightCaseRequests, oversightCases, promises, responseRequests } from '../server/db/schema/index.js';
import { staffAccount } from './accounts.js';
import type { DemoContext } from './index.js';
import type { DemoRandom } from './workRandom.js';
import { at, type DemoClock } from './workSchedule.js';

interface Promised {
  content: string;
  /** Workdays after the answer (negative: already past today). */
  due: number;
  status: PromiseStatus;
  outcome?: string;
}

interface Asked {
  /** Which complaint case (oldest first) asks. */
  caseIndex: number;
  unit: string;
  enterprise: string;
  text: string;
  /** Workdays ago. */
  asked: number;
  workdays: number;
  status: RequestStatus;
  answer?: string;
  /** The answer went back this many workdays after it was asked. */
  answeredAfter?: number;
  promises?: Promised[];
}

const ASKED: Asked[] = [
  {
    caseIndex: 1, unit: 'business_env', enterprise: '双台子区恒远物流有限公司', asked: 11, workdays: 5, status: 'answered', answeredAfter: 3,
    text: '恒远物流反映其信用修复申请一个多月未办结。请说明该企业信用修复申请的受理、流转和办结情况，超时限的原因及整改措施。',
    answer: '经核查，该企业信用修复申请因补正材料在部门间流转延误，超出承诺时限。现已完成修复并同步“信用中国”，对相关责任人进行了批评教育，并建立信用修复“一次告知、限时办结”机制。',
    promises: [
      { content: '信用修复申请自受理之日起 5 个工作日内办结，并书面告知企业', due: 3, status: 'kept', outcome: '已于承诺期限内办结并书面告知企业，附办结通知书' },
      { content: '对全区近一年信用修复超时限案件开展“回头看”，形成整改清单', due: 4, status: 'pending' },
      { content: '为企业出具参加政府采购所需的信用证明材料', due: 2, status: 'broken', outcome: '逾期未出具，企业再次反映；已约谈责任科室' },
    ],
  },
  {
    caseIndex: 0, unit: 'data', enterprise: '盘锦辽河新材料有限公司', asked: 2, workdays: 5, status: 'answered', answeredAfter: 1,
    text: '辽河新材料反映施工许可申请材料齐全，窗口三次以“系统升级”为由不予受理。请说明窗口受理情况、系统升级期间的替代办理措施和该申请的办理时限。',
    answer: '经核查，系统升级期间窗口未按规定启用线下受理，属实。已于当日受理该申请，并对窗口负责人批评教育。',
    promises: [{ content: '十个工作日内办结该企业施工许可，并全程帮办代办', due: 10, status: 'pending' }],
  },
  {
    caseIndex: 0, unit: 'jianshe', enterprise: '盘锦辽河新材料有限公司', asked: 1, workdays: 5, status: 'requested',
    text: '辽河新材料反映项目周边道路施工围挡长期占用厂区出入口。请说明施工安排、围挡占用时限及对企业通行的保障措施。',
  },
  {
    caseIndex: 1, unit: 'jianshe', enterprise: '双台子区恒远物流有限公司', asked: 30, workdays: 5, status: 'answered', answeredAfter: 4,
    text: '恒远物流反映辖区停车场用地租赁合同续签迟迟未办。请说明续签进展。',
    answer: '已与企业面谈，续签合同文本正在法律审核。',
    promises: [{ content: '完成停车场用地租赁合同续签', due: 10, status: 'pending' }],
  },
];

/**
 * 书面说明 and 履约践诺 in the demo district: the complaint cases ask units for written responses
 * (two answered with promises, one still open at 建设街道, whose demo accounts answer it), and
 * promises stand in every state — pending, overdue (the last one's day has passed), kept, broken.
 */
export async function loadPromises(ctx: DemoContext, c: DemoClock, rng: DemoRandom): Promise<{ responseRequests: number; promises: number }> {
  const { tx } = ctx;
  const cases = await tx.select({ id: oversightCases.id }).from(oversightCases).where(eq(oversightCases.sourceKind, 'complaint')).orderBy(asc(oversightCases.createdAt));
  const officer = ctx.users.get('oversight') ?? null;
  let made = 0;
  for (const a of ASKED) {
    const caseId = cases[a.caseIndex]?.id;
    const unitId = ctx.units.get(a.unit);
    if (!caseId || !unitId) continue;
    const asked = c.cal.addWorkdays(c.today, -a.asked);
    const answered = a.answeredAfter !== undefined ? c.cal.addWorkdays(asked, a.answeredAfter) : null;
    const liaison = ctx.users.get(staffAccount('liaison', a.unit)) ?? null;
    const head = ctx.users.get(staffAccount('unit_head', a.unit)) ?? null;
    const list = (a.promises ?? []).map((p) => ({ enterprise: a.enterprise, content: p.content, deadline: c.cal.addWorkdays(answered ?? c.today, p.due) }));
    const id = rng.uuid();
    await tx.insert(responseRequests).values({
      id, unitId, text: a.text, enterprise: a.enterprise, deadline: c.cal.addWorkdays(asked, a.workdays), status: a.status,
      answer: a.answer ?? null, draftPromises: list, requestedById: officer, requestedAt: at(asked, 15),
      ...(answered ? { draftedById: liaison, draftedAt: at(answered, 10), answeredById: head, answeredAt: at(answered, 16), version: 2 } : {}),
    });
    await tx.insert(oversightCaseRequests).values({ caseId, requestId: id });
    for (const [i, p] of (a.promises ?? []).entries()) {
      const deadline = list[i]!.deadline;
      const ended = p.status === 'pending' ? null : at(p.status === 'kept' ? deadline : c.cal.addWorkdays(deadline, 1), 11);
      await tx.insert(promises).values({
        id: rng.uuid(), requestId: id, unitId, enterprise: a.enterprise, content: p.content, deadline, status: p.status, createdById: head, createdAt: at(answered!, 16),
        ...(p.status === 'kept' ? { keptNote: p.outcome, keptById: liaison, keptAt: ended, version: 1 } : {}),
        ...(p.status === 'broken' ? { brokenReason: p.outcome, brokenById: officer, brokenAt: ended, version: 1 } : {}),
      });
      made++;
    }
  }
  return { responseRequests: ASKED.length, promises: made };
}
