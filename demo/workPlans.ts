import type { PlanKind, PlanStatus } from '../domain/work.js';

/** 重点领域: the seven fields the report names (the six special actions, plus reform and opening). */
export const DEMO_AREAS_OF_WORK = [
  { code: 'industry', name: '工业振兴' },
  { code: 'rural', name: '乡村振兴（五个振兴）' },
  { code: 'petrochem', name: '石化及精细化工全产业链' },
  { code: 'ecology', name: '生态文明建设（蓝天碧水净土）' },
  { code: 'central_local', name: '央地合作（建链补链强链延链）' },
  { code: 'health', name: '康养医养与民生保障' },
  { code: 'reform', name: '全面深化改革与扩大开放' },
] as const;

export type DemoAreaCode = (typeof DEMO_AREAS_OF_WORK)[number]['code'];

export interface DemoPlan {
  code: string;
  kind: PlanKind;
  title: string;
  summary: string;
  /** Body code of the task force that reviews the plan's reports (none: the HQ office does). */
  taskForce?: string;
  leadUnit: string;
  areas: DemoAreaCode[];
  status: PlanStatus;
}

const MEETING = '领导小组第一次会议审议通过';

/** The "1+6" series and the four mechanism plans (监督、督查、考核、宣传 "四项机制"). */
export const DEMO_PLANS: DemoPlan[] = [
  {
    code: 'P1',
    kind: 'overall',
    title: '双台子区全面振兴新突破三年行动总体方案',
    summary: '锚定目标、真抓实干，以工业增长为重点推动经济高质量发展，奋力实现三年行动首战告捷，在加快建设现代化北方水城新征程上取得新突破。',
    leadUnit: 'drc',
    areas: ['industry', 'rural', 'petrochem', 'ecology', 'central_local', 'health', 'reform'],
    status: 'published',
  },
  {
    code: 'S1',
    kind: 'special',
    title: '工业振兴专项行动方案',
    summary: '坚持“工业强区”战略不动摇，加快项目建设，推动工业经济体量明显增强。',
    taskForce: 'tf_industry',
    leadUnit: 'industry',
    areas: ['industry'],
    status: 'published',
  },
  {
    code: 'S2',
    kind: 'special',
    title: '乡村振兴专项行动方案',
    summary: '扬优势、补短板，统筹推进乡村产业、人才、文化、生态、组织“五个振兴”。',
    taskForce: 'tf_rural',
    leadUnit: 'agriculture',
    areas: ['rural'],
    status: 'published',
  },
  {
    code: 'S3',
    kind: 'special',
    title: '石化及精细化工全产业链专项行动方案',
    summary: '走“绿色低碳+精细化工”发展路线，高标准打造精细化工产业开发区。',
    taskForce: 'tf_chem',
    leadUnit: 'chem_park',
    areas: ['petrochem'],
    status: 'published',
  },
  {
    code: 'S4',
    kind: 'special',
    title: '生态环境保护专项行动方案',
    summary: '持续深入打好蓝天、碧水、净土保卫战和污染防治攻坚战。',
    taskForce: 'tf_ecology',
    leadUnit: 'ecology',
    areas: ['ecology'],
    status: 'published',
  },
  {
    code: 'S5',
    kind: 'special',
    title: '央地合作专项行动方案',
    summary: '持续深化央地合作，强化服务保障，做好建链、补链、强链、延链文章。',
    taskForce: 'tf_central_local',
    leadUnit: 'commerce',
    areas: ['central_local', 'reform'],
    status: 'published',
  },
  {
    code: 'S6',
    kind: 'special',
    title: '康养医养产业发展专项行动方案',
    summary: '完善“园区+街区+社区”康复辅助器具产业体系，推动康养医养产业融合发展，强化民生保障。',
    taskForce: 'tf_health',
    leadUnit: 'health',
    areas: ['health'],
    status: 'published',
  },
  {
    code: 'M1',
    kind: 'mechanism',
    title: '监督工作机制方案',
    summary: '紧盯谋划部署、组织实施、推进落实关键环节，堵点淤点难点在哪里，监督检查就跟进延伸到哪里；紧抓营商环境监督。',
    leadUnit: 'discipline',
    areas: [],
    status: 'published',
  },
  {
    code: 'M2',
    kind: 'mechanism',
    title: '督查工作机制方案',
    summary: '常态化开展督导检查，建立督查工作台账，持续跟踪问效。',
    leadUnit: 'party_office',
    areas: [],
    status: 'published',
  },
  {
    code: 'M3',
    kind: 'mechanism',
    title: '考核工作机制方案',
    summary: '发挥考核“指挥棒”“风向标”作用，考核结果作为领导干部选拔任用的重要依据。',
    leadUnit: 'organisation',
    areas: [],
    status: 'under_review',
  },
  {
    code: 'M4',
    kind: 'mechanism',
    title: '宣传工作机制方案',
    summary: '加强舆论引导，开展主题宣传、形势宣传、政策宣传，形成比学赶超、争先创优的浓厚氛围。',
    leadUnit: 'publicity',
    areas: [],
    status: 'approved',
  },
];

export const DEMO_MEETING_DECISION = MEETING;

/** The program's year goals: year one is 首战告捷. */
export const demoYearGoals = (startYear: number) => [
  { year: startYear, title: '首战告捷', description: '三年行动开局之年，各项目标任务全面展开、取得实效。' },
  { year: startYear + 1, title: '全面突破', description: '重点领域取得实质性突破，工业经济体量明显增强。' },
  { year: startYear + 2, title: '实现新突破', description: '全面振兴取得新突破，现代化北方水城建设迈上新台阶。' },
];
