import type { Grade, Honour, RankedUnit } from '../../domain/scoring/rank.js';
import type { IndicatorKind } from '../../domain/scoring/scheme.js';
import type { ResultView } from '../models/assessments.js';
import { chineseDay, listWorkbookSheets, type Cell } from './listWorkbook.js';

/** The indicators' names on the sheets (and the page's zh-CN labels). */
export const INDICATOR_NAMES: Record<IndicatorKind, string> = {
  reporting_on_time: '按时报送率',
  task_delivery: '任务完成及节点按期率',
  target_achievement: '目标序时完成率',
  project_investment: '项目投资完成率',
  rectification_on_time: '督查整改按期率',
  blockers_solved: '堵点按期化解率',
  dispatch_replies: '调度令按期答复率',
  leader_evaluation: '领导评价',
};
const GRADE: Record<Grade, string> = { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' };
const HONOUR: Record<Honour, string> = { red: '红榜（骏马奖）', black: '黑榜（蜗牛奖）' };
const OUTCOME: Record<string, string> = { on_time: '按期', late: '逾期完成', owed: '逾期未完成', reached: '达到', short: '未达到', no_actual: '未报送实际值', nothing_expected: '无序时要求' };
const RULE: Record<string, string> = { share: '按事项计算', nothing_owed: '本期无考核事项，按满分计', manual: '考核办录入', manual_missing: '未录入，按满分计' };

async function* once(rows: Cell[][]) {
  yield rows;
}

/**
 * The result for the organisation department's cadre evaluation: 考核结果 (rank, unit, total, grade,
 * 红黑榜, each indicator's points, 加分, 扣分) and 得分明细 (every indicator of every unit down to its facts).
 */
export async function assessmentXlsx(v: ResultView, units: readonly RankedUnit[]): Promise<Buffer> {
  const { result, scheme } = v;
  const kinds = result.indicators.map((i) => i.kind);
  const title = `${scheme.name}（${result.period}，第${result.revision}版）`;
  const filterLine = `计算日期：${chineseDay(result.asOf)}；状态：${result.status === 'published' ? '已发布' : result.status === 'superseded' ? '已被重新发布的结果取代' : '未发布'}`;
  const rank = (u: RankedUnit): Cell[] => [
    u.rank ?? '不参与排名',
    u.unitName,
    u.total,
    u.grade ? GRADE[u.grade] : '',
    u.honour ? HONOUR[u.honour] : '',
    ...kinds.map((k) => u.indicators.find((i) => i.kind === k)?.points ?? ''),
    u.bonus,
    u.deduction,
  ];
  const detail: Cell[][] = units.flatMap((u) =>
    u.indicators.flatMap((i) => {
      const head: Cell[] = [u.unitName, INDICATOR_NAMES[i.kind], i.weight, i.ratio, i.points, RULE[i.rule] ?? i.rule];
      if (i.facts.length === 0) return [[...head, '', '', '', '', '', '']];
      return i.facts.map((f) => [...head, f.title + (f.detail ? `（${f.detail}）` : ''), f.due ?? f.expected ?? '', f.doneOn ?? f.actual ?? '', f.lateWorkdays, f.credit, OUTCOME[f.outcome] ?? f.outcome]);
    }),
  );
  const stream = listWorkbookSheets([
    {
      sheet: { name: '考核结果', title, filterLine, header: ['名次', '单位', '总分', '等次', '红黑榜', ...kinds.map((k) => INDICATOR_NAMES[k]), '加分', '扣分'], widths: [10, 24, 10, 8, 16, ...kinds.map(() => 14), 8, 8] },
      rows: once(units.map(rank)),
    },
    {
      sheet: { name: '得分明细', title, filterLine, header: ['单位', '指标', '权重', '得分率', '得分', '计分规则', '事项', '应完成/序时目标', '完成日期/实际', '逾期工作日', '得分系数', '结果'], widths: [24, 22, 8, 10, 8, 22, 44, 16, 16, 10, 10, 12] },
      rows: once(detail),
    },
  ]);
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
