import type { blockers } from '../server/db/schema/index.js';
import type { DemoRandom } from './workRandom.js';
import { at, type DemoClock } from './workSchedule.js';

type BlockerInsert = typeof blockers.$inferInsert;

const TASK_BLOCKERS = [
  ['资金缺口较大', '年度预算安排不足，需争取上级专项资金或调整支出结构。'],
  ['跨部门协调不畅', '涉及多个部门审批事项，需指挥部办公室统筹协调。'],
  ['专业技术力量不足', '缺少专业技术人员，需协调行业部门给予技术支持。'],
  ['群众工作难度大', '涉及群众切身利益，需街镇加强入户沟通和政策解释。'],
] as const;
const PROJECT_BLOCKERS = [
  ['用地指标未落实', '项目用地需调整国土空间规划，报批周期较长。'],
  ['环评批复滞后', '环境影响评价报告书仍在技术审查，影响开工时间。'],
  ['配套管网未接通', '园区管廊及供汽管网尚未接通，制约项目投产。'],
] as const;
const LEVELS = ['unit', 'task_force', 'hq', 'leading_group'] as const;
const CATEGORIES = ['funding', 'coordination', 'technical', 'public', 'institutional'] as const;

/**
 * 堵点淤点难点: open blockers on the items that are behind, at every level of escalation, and a few
 * already resolved, so the HQ office's queue and the oversight view have something in them. A
 * title is the blocker alone: every list that shows blockers of several items names the item beside it.
 */
export function buildBlockers(
  troubled: { taskId: string; unitId: string }[],
  late: { projectId: string; unitId: string }[],
  c: DemoClock,
  rng: DemoRandom,
): BlockerInsert[] {
  const out: BlockerInsert[] = [];
  troubled.forEach((t, i) => {
    const [title, detail] = TASK_BLOCKERS[i % TASK_BLOCKERS.length]!;
    // Every state a blocker passes through: waiting for its holder, given to a resolver unit, resolved
    // and waiting for the raiser to verify, closed.
    const state = i % 5 === 4 ? 'closed' : i % 5 === 3 ? 'assigned' : i % 7 === 6 ? 'resolved' : 'open';
    let raisedAt = at(c.cal.addWorkdays(c.today, -rng.int(3, 40)), 10);
    let resolvedAt = state === 'closed' || state === 'resolved' ? at(c.cal.addWorkdays(c.today, -rng.int(0, 2)), 16) : null;
    if (state === 'closed') {
      // Closed ones were solved last month (what last month's 简报 reports), raised a fortnight before at the latest.
      const solved = c.cal.addWorkdays(`${c.today.slice(0, 7)}-01`, -(2 + (i % 8)));
      resolvedAt = at(solved, 16);
      const latest = at(c.cal.addWorkdays(solved, -10), 10);
      if (raisedAt > latest) raisedAt = latest;
    }
    const resolver = troubled[(i + 1) % troubled.length]!.unitId;
    out.push({
      id: rng.uuid(),
      itemType: 'task',
      itemId: t.taskId,
      unitId: t.unitId,
      title,
      detail,
      category: CATEGORIES[i % CATEGORIES.length]!,
      helpAsked: i % 2 === 0 ? '请指挥部办公室协调相关部门给予支持。' : '',
      level: LEVELS[i % LEVELS.length]!,
      status: state,
      raisedAt,
      levelSince: raisedAt,
      resolverUnitId: state === 'assigned' ? resolver : null,
      dueDate: state === 'assigned' ? c.cal.addWorkdays(c.today, rng.int(2, 10)) : null,
      assignNote: state === 'assigned' ? '请牵头会同相关单位研究解决，按期反馈办理结果。' : null,
      resolvedAt,
      verifiedAt: state === 'closed' ? resolvedAt : null,
      resolution: resolvedAt ? '经指挥部办公室协调，相关部门已明确解决路径和完成时限。' : null,
    });
  });
  late.forEach((p, i) => {
    const [title, detail] = PROJECT_BLOCKERS[i % PROJECT_BLOCKERS.length]!;
    out.push({
      id: rng.uuid(),
      itemType: 'project',
      itemId: p.projectId,
      unitId: p.unitId,
      title,
      detail,
      category: i % 3 === 0 ? 'land' : 'approval',
      level: LEVELS[(i + 1) % LEVELS.length]!,
      status: 'open',
      ...(() => {
        const raisedAt = at(c.cal.addWorkdays(c.today, -rng.int(5, 30)), 11);
        return { raisedAt, levelSince: raisedAt };
      })(),
    });
  });
  return out;
}
