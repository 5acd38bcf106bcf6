import type { DemoAreaCode } from './workPlans.js';

/**
 * How a project keeps to its schedule: on time, a stage late by a few workdays (yellow), a stage
 * late by weeks (red), finished (投产), or not begun (谋划 in the future).
 */
export type ProjectPace = 'on_time' | 'slightly_late' | 'late' | 'operating' | 'future';

export interface DemoProject {
  code: string;
  name: string;
  owner: string;
  location: string;
  unit: string;
  plan: string;
  area: DemoAreaCode;
  /** 万元, exact. */
  total: string;
  pace: ProjectPace;
  /** Months after the program's start when it was planned (谋划). */
  offset: number;
}

const p = (code: string, name: string, owner: string, location: string, unit: string, plan: string, area: DemoAreaCode, total: string, pace: ProjectPace, offset: number): DemoProject => ({
  code,
  name,
  owner,
  location,
  unit,
  plan,
  area,
  total,
  pace,
  offset,
});

/** Key projects (重点项目); enterprises are made up, the kinds of project are the report's. */
export const DEMO_PROJECTS: DemoProject[] = [
  p('XM-01', '年产20万吨高端聚烯烃新材料项目', '辽滨瑞丰新材料有限公司', '精细化工产业开发区', 'chem_park', 'S3', 'petrochem', '386000.00', 'on_time', 0),
  p('XM-02', '电子级化学品及配套项目', '盘锦海诚电子材料有限公司', '精细化工产业开发区', 'chem_park', 'S3', 'petrochem', '125600.00', 'slightly_late', 1),
  p('XM-03', '特种表面活性剂扩能改造项目', '恒润精细化学有限公司', '精细化工产业开发区', 'chem_park', 'S3', 'petrochem', '48500.00', 'operating', 0),
  p('XM-04', '园区公共管廊二期工程', '开发区城市建设投资有限公司', '精细化工产业开发区', 'chem_park', 'S3', 'petrochem', '32800.00', 'late', 0),
  p('XM-05', '园区污水处理厂提标改造工程', '开发区水务有限公司', '精细化工产业开发区', 'chem_park', 'S3', 'petrochem', '18650.50', 'on_time', 2),
  p('XM-06', '高性能碳纤维原丝项目', '聚能碳材料科技有限公司', '精细化工产业开发区', 'chem_park', 'S3', 'petrochem', '210000.00', 'future', 20),
  p('XM-07', '可降解材料（PBAT）一体化项目', '博远生物材料有限公司', '精细化工产业开发区', 'chem_park', 'S3', 'petrochem', '156000.00', 'on_time', 6),
  p('XM-08', '智能装备制造产业园', '北方水城智能装备有限公司', '双盛街道', 'industry', 'S1', 'industry', '68000.00', 'on_time', 1),
  p('XM-09', '石油装备再制造基地', '辽河石油装备再制造有限公司', '辽河街道', 'industry', 'S1', 'industry', '42300.00', 'slightly_late', 3),
  p('XM-10', '数字化车间改造示范项目', '中沃电气有限公司', '胜利街道', 'industry', 'S1', 'industry', '9860.25', 'operating', 0),
  p('XM-11', '新型建材绿色工厂项目', '瑞恒新型建材有限公司', '铁东街道', 'industry', 'S1', 'industry', '26500.00', 'late', 2),
  p('XM-12', '工业互联网标识解析二级节点', '区数据产业发展有限公司', '建设街道', 'data', 'S1', 'industry', '3600.00', 'late', 4),
  p('XM-13', '汽车零部件精密铸造项目', '盛达精密铸造有限公司', '双盛街道', 'industry', 'S1', 'industry', '35200.00', 'on_time', 8),
  p('XM-14', '储能电池材料项目', '辽滨新能源材料有限公司', '精细化工产业开发区', 'industry', 'S1', 'industry', '98000.00', 'future', 19),
  p('XM-15', '高标准农田建设项目', '区农业农村局', '陆家镇、统一镇', 'agriculture', 'S2', 'rural', '14880.00', 'on_time', 1),
  p('XM-16', '稻蟹综合种养示范基地', '陆家镇农业发展有限公司', '陆家镇', 'lujia', 'S2', 'rural', '5600.00', 'operating', 0),
  p('XM-17', '农产品冷链物流中心', '北方水城农产品物流有限公司', '统一镇', 'tongyi', 'S2', 'rural', '12400.00', 'slightly_late', 5),
  p('XM-18', '绕阳河流域生态缓冲带建设工程', '区水务建设有限公司', '统一镇', 'ecology', 'S4', 'ecology', '16800.00', 'on_time', 2),
  p('XM-19', '城区雨污分流改造工程', '区城市建设投资有限公司', '红旗街道、胜利街道', 'housing', 'S4', 'ecology', '23500.00', 'late', 1),
  p('XM-20', '清洁取暖热源替代工程', '北方水城热力有限公司', '建设街道', 'housing', 'S4', 'ecology', '19800.00', 'operating', 0),
  p('XM-21', '央地合作炼化下游新材料产业园', '中央企业合资平台公司', '精细化工产业开发区', 'commerce', 'S5', 'central_local', '450000.00', 'on_time', 3),
  p('XM-22', '驻区央企芳烃扩能改造项目', '驻区央企炼化分公司', '精细化工产业开发区', 'commerce', 'S5', 'central_local', '275000.00', 'slightly_late', 4),
  p('XM-23', '央企配套检维修服务中心', '辽河工程技术服务有限公司', '辽河街道', 'commerce', 'S5', 'central_local', '8650.00', 'on_time', 9),
  p('XM-24', '康复辅助器具产业园一期', '北方康辅产业发展有限公司', '双盛街道', 'civil', 'S6', 'health', '36000.00', 'on_time', 2),
  p('XM-25', '康复辅具特色街区改造', '建设街道办事处', '建设街道', 'jianshe', 'S6', 'health', '4280.60', 'late', 6),
  p('XM-26', '区中心医院医养结合楼', '区中心医院', '胜利街道', 'health', 'S6', 'health', '21500.00', 'slightly_late', 3),
  p('XM-27', '社区嵌入式养老服务综合体', '区养老服务中心', '红旗街道', 'civil', 'S6', 'health', '6800.00', 'future', 21),
  p('XM-28', '政务服务中心智慧化改造', '区政务服务和数据管理局', '建设街道', 'data', 'P1', 'reform', '2950.00', 'operating', 0),
  p('XM-29', '跨境电商产业园', '北方水城跨境电商产业园有限公司', '铁东街道', 'commerce', 'P1', 'reform', '18000.00', 'on_time', 7),
  p('XM-30', '建设街道老旧小区改造（二期）', '建设街道办事处', '建设街道', 'jianshe', 'P1', 'reform', '7320.00', 'on_time', 4),
];
