import { STREETS, type DemoTaskTree } from './workTaskSpec.js';

/** The task lists of the four mechanism plans (监督、督查、考核、宣传). */
export const MECHANISM_TASKS: DemoTaskTree[] = [
  {
    plan: 'M1',
    area: null,
    tasks: [
      { title: '建立三年行动监督清单（谋划部署、组织实施、推进落实）', lead: 'discipline', due: 'y1', pace: 'done' },
      { title: '营商环境问题“亮剑”专项监督', lead: 'discipline', sup: ['business_env'], due: 'ongoing' },
      { title: '统筹打好“遏增清存”攻坚战', lead: 'discipline', due: 'y3' },
    ],
  },
  {
    plan: 'M2',
    area: null,
    tasks: [
      { title: '建立督查工作台账', lead: 'party_office', due: 'y1', pace: 'done' },
      { title: '常态化开展督导检查（每月一主题）', lead: 'party_office', sup: ['gov_office'], due: { month: 25 } },
      { title: '编发督查通报', lead: 'party_office', due: { quarter: 15 }, period: 'quarterly' },
    ],
  },
  {
    plan: 'M3',
    area: null,
    tasks: [
      { title: '制定三年行动考核实施细则', lead: 'organisation', due: 'y1', pace: 'done' },
      { title: '开展年度考核并强化结果运用', lead: 'organisation', due: 'y2', ms: ['年度考核启动'] },
    ],
  },
  {
    plan: 'M4',
    area: null,
    tasks: [
      { title: '开展主题宣传、形势宣传、政策宣传', lead: 'publicity', due: 'ongoing' },
      { title: '开设“比学赶超”红黑榜专栏', lead: 'publicity', due: 'y2h', pace: 'done' },
      { title: '各街镇报送三年行动工作动态', lead: 'publicity', each: { units: STREETS, title: '报送工作动态', due: { month: 5 } } },
    ],
  },
];
