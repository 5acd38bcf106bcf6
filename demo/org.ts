import type { BodyKind, BodyPost, UnitKind } from '../domain/enums.js';

/** The district of the source text (双台子区); people appear by post only. */
export const DEMO_REGION = { code: 'shuangtaizi', name: '双台子区' };

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
}

export const DEMO_UNITS: DemoUnit[] = [
  { code: 'party_office', name: '区委办公室', kind: 'committee' },
  { code: 'gov_office', name: '区政府办公室', kind: 'committee' },
  { code: 'npc', name: '区人大常委会', kind: 'committee' },
  { code: 'cppcc', name: '区政协', kind: 'committee' },
  { code: 'discipline', name: '区纪委监委', kind: 'committee' },
  { code: 'organisation', name: '区委组织部', kind: 'committee' },
  { code: 'publicity', name: '区委宣传部', kind: 'committee' },
  { code: 'drc', name: '区发展和改革局', kind: 'department' },
  { code: 'industry', name: '区工业和信息化局', kind: 'department' },
  { code: 'agriculture', name: '区农业农村局', kind: 'department' },
  { code: 'ecology', name: '市生态环境局双台子分局', kind: 'department' },
  { code: 'commerce', name: '区商务局', kind: 'department' },
  { code: 'health', name: '区卫生健康局', kind: 'department' },
  { code: 'civil', name: '区民政局', kind: 'department' },
  { code: 'finance', name: '区财政局', kind: 'department' },
  { code: 'housing', name: '区住房和城乡建设局', kind: 'department' },
  { code: 'natural_resources', name: '区自然资源局', kind: 'department' },
  { code: 'business_env', name: '区营商环境建设局', kind: 'department' },
  { code: 'data', name: '区政务服务和数据管理局', kind: 'department' },
  { code: 'jianshe', name: '建设街道', kind: 'subdistrict' },
  { code: 'hongqi', name: '红旗街道', kind: 'subdistrict' },
  { code: 'shengli', name: '胜利街道', kind: 'subdistrict' },
  { code: 'liaohe', name: '辽河街道', kind: 'subdistrict' },
  { code: 'shuangsheng', name: '双盛街道', kind: 'subdistrict' },
  { code: 'tiedong', name: '铁东街道', kind: 'subdistrict' },
  { code: 'lujia', name: '陆家镇', kind: 'town' },
  { code: 'tongyi', name: '统一镇', kind: 'town' },
  { code: 'chem_park', name: '盘锦精细化工产业开发区管委会', kind: 'park' },
];

export interface DemoMember {
  post: BodyPost;
  title: string;
  unit: string;
}

export interface DemoBody {
  code: string;
  name: string;
  kind: BodyKind;
  parent?: string;
  leadUnit?: string;
  members: DemoMember[];
}

const taskForce = (code: string, name: string, leadUnit: string, leadTitle: string): DemoBody => ({
  code,
  name,
  kind: 'task_force',
  parent: 'command_hq',
  leadUnit,
  members: [
    { post: 'leader', title: '分管副区长', unit: 'gov_office' },
    { post: 'deputy_leader', title: leadTitle, unit: leadUnit },
    { post: 'liaison', title: `${leadTitle.replace(/局长|主任|书记/, '')}联络员`, unit: leadUnit },
  ],
});

export const DEMO_BODIES: DemoBody[] = [
  {
    code: 'leading_group',
    name: '全面振兴新突破三年行动领导小组',
    kind: 'leading_group',
    members: [
      { post: 'leader', title: '区委书记', unit: 'party_office' },
      { post: 'deputy_leader', title: '区委副书记、区长', unit: 'gov_office' },
      { post: 'member', title: '区人大常委会党组书记、主任', unit: 'npc' },
      { post: 'member', title: '区政协党组书记、主席', unit: 'cppcc' },
      { post: 'member', title: '盘锦精细化工产业开发区党工委书记、管委会主任', unit: 'chem_park' },
      { post: 'member', title: '区纪委书记、区监委主任', unit: 'discipline' },
      { post: 'member', title: '区委组织部部长', unit: 'organisation' },
      { post: 'member', title: '区委宣传部部长', unit: 'publicity' },
    ],
  },
  {
    code: 'command_hq',
    name: '全面振兴新突破三年行动指挥部',
    kind: 'command_hq',
    parent: 'leading_group',
    members: [
      { post: 'leader', title: '区委副书记、区长', unit: 'gov_office' },
      { post: 'deputy_leader', title: '常务副区长', unit: 'gov_office' },
    ],
  },
  {
    code: 'hq_office',
    name: '指挥部办公室',
    kind: 'hq_office',
    parent: 'command_hq',
    leadUnit: 'drc',
    members: [
      { post: 'director', title: '区发展和改革局局长', unit: 'drc' },
      { post: 'deputy_director', title: '区政府办公室副主任', unit: 'gov_office' },
    ],
  },
  taskForce('tf_industry', '工业振兴专项推进组', 'industry', '区工业和信息化局局长'),
  taskForce('tf_rural', '乡村振兴专项推进组', 'agriculture', '区农业农村局局长'),
  taskForce('tf_chem', '石化及精细化工产业链专项推进组', 'chem_park', '开发区管委会主任'),
  taskForce('tf_ecology', '生态环境保护专项推进组', 'ecology', '生态环境分局局长'),
  taskForce('tf_central_local', '央地合作专项推进组', 'commerce', '区商务局局长'),
  taskForce('tf_health', '康养医养产业专项推进组', 'health', '区卫生健康局局长'),
];
