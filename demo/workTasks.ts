import { CITY_STREETS, STREETS, TOWNS, type DemoTaskTree } from './workTaskSpec.js';
import { MECHANISM_TASKS } from './workTasksMechanism.js';

const VP = '分管副区长';

/** The task trees of the 1+6 plans and the mechanism plans, two to three levels deep. */
export const DEMO_TASKS: DemoTaskTree[] = [
  {
    plan: 'P1',
    area: 'reform',
    tasks: [
      {
        title: '深化重点领域改革',
        lead: 'drc',
        post: '常务副区长',
        kids: [
          { title: '深化国资国企改革，完成区属国有企业整合重组', lead: 'finance', due: 'y2', ms: ['整合方案报批', '完成重组登记'] },
          { title: '深化“放管服”改革，打造便捷高效的政务环境', lead: 'business_env', sup: ['data'], due: 'ongoing' },
          { title: '推行政务服务“一网通办”“一网统管”', lead: 'data', sup: ['business_env'], due: 'y2h', ms: ['平台上线', '高频事项全部接入'] },
        ],
      },
      {
        title: '扩大高水平对外开放，做好“走出去”和“走上去”文章',
        lead: 'commerce',
        post: VP,
        kids: [
          { title: '组织企业参加重点展会、开展专题招商推介', lead: 'commerce', due: { quarter: 15 }, period: 'quarterly' },
          { title: '主动对接省市部门，争取政策资金和改革试点', lead: 'drc', sup: ['finance'], due: 'ongoing' },
          { title: '培育跨境电商等外贸新业态', lead: 'commerce', due: 'y2', pace: 'lag' },
        ],
      },
      {
        title: '开展项目建设攻坚，推动项目早落地早见效',
        lead: 'drc',
        post: '常务副区长',
        area: 'industry',
        kids: [
          { title: '落实重点项目“周调度、月通报”机制', lead: 'drc', due: { month: 5 } },
          { title: '推行项目前期手续并联审批、容缺受理', lead: 'business_env', sup: ['natural_resources', 'housing'], due: 'y2' },
          { title: '各街镇包保推进重点项目', lead: 'drc', each: { units: STREETS, title: '包保重点项目推进', due: 'y2' } },
        ],
      },
      {
        title: '研究部署下步工作：冬春季项目谋划储备',
        lead: 'drc',
        fresh: true,
        each: { units: STREETS, title: '谋划储备冬春季项目', due: 'y3' },
      },
      {
        title: '优化营商环境，营造公平公正的法治环境、开放包容的市场环境',
        lead: 'business_env',
        post: VP,
        kids: [
          { title: '开展营商环境突出问题“万件化解”行动', lead: 'business_env', due: 'y1', pace: 'done' },
          { title: '建立履约践诺的政务诚信监测机制', lead: 'business_env', sup: ['finance'], due: 'y2', ms: ['监测办法印发'] },
        ],
      },
    ],
  },
  {
    plan: 'S1',
    area: 'industry',
    tasks: [
      {
        title: '实施工业增长攻坚行动',
        lead: 'industry',
        post: VP,
        kids: [
          { title: '规上工业企业“一企一策”包保服务', lead: 'industry', sup: ['finance'], due: { month: 10 } },
          { title: '开展“小升规”企业培育', lead: 'industry', due: 'y2', ms: ['建立培育库', '首批企业升规'] },
          { title: '各街镇培育新增规上工业企业', lead: 'industry', each: { units: CITY_STREETS, title: '新增规上工业企业培育', due: 'y2' } },
        ],
      },
      {
        title: '推动产业数字化转型',
        lead: 'industry',
        sup: ['data'],
        post: VP,
        kids: [
          { title: '建设工业互联网标识解析二级节点', lead: 'industry', sup: ['data'], due: 'y2h', pace: 'overdue', ms: ['方案批复', '节点上线'] },
          { title: '实施智能化改造示范项目', lead: 'industry', due: 'y2', pace: 'behind' },
          { title: '培育省级“专精特新”企业', lead: 'industry', due: 'y3' },
        ],
      },
      {
        title: '强化要素保障',
        lead: 'industry',
        post: VP,
        kids: [
          { title: '盘活闲置低效工业用地', lead: 'natural_resources', sup: ['industry'], due: 'y2', ms: ['完成摸底', '首批地块处置'], pace: 'lag' },
          { title: '设立工业发展专项资金', lead: 'finance', due: 'y1', pace: 'done' },
          { title: '常态化开展银企对接活动', lead: 'finance', sup: ['industry'], due: { quarter: 20 }, period: 'quarterly' },
          // The demo unit's liaison (`liaison`) reports this one to the industry task force (`task_force`): the README's walk.
          { title: '建设街道辖区工业企业用工需求摸排', lead: 'jianshe', due: 'y2', period: 'monthly', pace: 'on_track', pending: true },
        ],
      },
    ],
  },
  {
    plan: 'S2',
    area: 'rural',
    tasks: [
      {
        title: '产业振兴：做强现代农业',
        lead: 'agriculture',
        post: VP,
        kids: [
          { title: '发展设施农业和稻蟹综合种养', lead: 'agriculture', sup: ['lujia', 'tongyi'], due: 'y2' },
          { title: '建设高标准农田', lead: 'agriculture', sup: ['natural_resources', 'finance'], due: 'y2', ms: ['完成招标', '开工建设', '竣工验收'], pace: 'lag' },
          { title: '培育农产品加工龙头企业', lead: 'agriculture', due: 'y3' },
        ],
      },
      {
        title: '人才振兴：培育乡村振兴人才队伍',
        lead: 'organisation',
        post: '区委常委、组织部部长',
        kids: [
          { title: '实施高素质农民培育计划', lead: 'agriculture', due: 'y2' },
          { title: '选派驻村第一书记和工作队', lead: 'organisation', due: 'ongoing' },
        ],
      },
      {
        title: '文化振兴：推进新时代文明实践',
        lead: 'publicity',
        each: { units: TOWNS, title: '新时代文明实践站全覆盖', due: 'y2' },
      },
      {
        title: '生态振兴：农村人居环境整治提升',
        lead: 'agriculture',
        sup: ['housing'],
        kids: [
          { title: '各镇开展村庄清洁行动', lead: 'agriculture', each: { units: TOWNS, title: '村庄清洁行动', due: 'ongoing' } },
          { title: '推进农村生活垃圾分类和资源化利用', lead: 'agriculture', sup: ['lujia', 'tongyi'], due: 'y2', pace: 'stale' },
        ],
      },
      {
        title: '组织振兴：抓党建促乡村振兴',
        lead: 'organisation',
        kids: [
          { title: '整顿软弱涣散村党组织', lead: 'organisation', due: 'y1', pace: 'done' },
          { title: '发展壮大村级集体经济', lead: 'agriculture', each: { units: TOWNS, title: '集体经济“消薄”攻坚', due: 'y2' } },
        ],
      },
    ],
  },
  {
    plan: 'S3',
    area: 'petrochem',
    tasks: [
      {
        title: '高标准建设精细化工产业开发区',
        lead: 'chem_park',
        post: '开发区管委会主任',
        kids: [
          { title: '完善园区管廊、污水处理和危废处置设施', lead: 'chem_park', sup: ['housing', 'ecology'], due: 'y2', ms: ['管廊主体完工', '污水处理厂提标改造'], pace: 'behind' },
          { title: '创建智慧化工园区', lead: 'chem_park', sup: ['data'], due: 'y3', ms: ['封闭化管理系统上线'] },
          { title: '常态化开展园区安全风险评估与整治', lead: 'chem_park', due: 'ongoing' },
        ],
      },
      {
        title: '延伸“油头化尾”产业链',
        lead: 'chem_park',
        post: '开发区管委会主任',
        kids: [
          { title: '编制精细化工产业链图谱和招商清单', lead: 'chem_park', due: 'y1', pace: 'done' },
          { title: '引进化工新材料下游项目', lead: 'chem_park', sup: ['commerce'], due: 'y3' },
          { title: '推动炼化企业“减油增化”', lead: 'chem_park', sup: ['industry'], due: 'y3', pace: 'lag' },
        ],
      },
      {
        title: '坚定走“绿色低碳+精细化工”发展路线',
        lead: 'chem_park',
        sup: ['ecology'],
        kids: [
          { title: '推进重点用能企业节能降碳改造', lead: 'industry', due: 'y2' },
          { title: '建设园区分布式光伏和绿电替代', lead: 'chem_park', due: 'y3' },
        ],
      },
    ],
  },
  {
    plan: 'S4',
    area: 'ecology',
    tasks: [
      {
        title: '深入打好蓝天保卫战',
        lead: 'ecology',
        post: VP,
        kids: [
          { title: '推进燃煤锅炉淘汰和清洁取暖改造', lead: 'housing', sup: ['ecology'], due: 'y2h', ms: ['完成锅炉淘汰'] },
          { title: '开展挥发性有机物综合治理', lead: 'ecology', sup: ['chem_park', 'jianshe'], due: 'y2', claims: { jianshe: 'returned' } },
          { title: '城区建筑工地和道路扬尘管控', lead: 'housing', each: { units: CITY_STREETS, title: '建筑工地和道路扬尘管控', due: 'ongoing' } },
          { title: '建设街道餐饮油烟专项整治', lead: 'jianshe', sup: ['ecology'], due: { workdays: -6 }, pace: 'overdue' },
        ],
      },
      {
        title: '深入打好碧水保卫战',
        lead: 'ecology',
        post: VP,
        kids: [
          { title: '辽河、绕阳河流域综合治理', lead: 'ecology', sup: ['agriculture', 'housing'], due: 'y3', ms: ['一河一策方案', '生态缓冲带建设'], lastMonthMilestone: '生态缓冲带建设' },
          { title: '入河排污口排查整治', lead: 'ecology', due: 'y1', pace: 'overdue' },
          { title: '城镇污水管网雨污分流改造', lead: 'housing', due: 'y2', pace: 'behind' },
        ],
      },
      {
        title: '深入打好净土保卫战',
        lead: 'ecology',
        kids: [
          { title: '受污染耕地安全利用', lead: 'agriculture', due: 'ongoing' },
          { title: '危险废物规范化环境管理', lead: 'ecology', sup: ['chem_park'], due: 'ongoing', pace: 'stale' },
        ],
      },
      { title: '中央生态环境保护督察反馈问题整改', lead: 'ecology', due: 'y2', ms: ['整改方案印发', '销号验收'] },
    ],
  },
  {
    plan: 'S5',
    area: 'central_local',
    tasks: [
      {
        title: '建链：谋划央地合作项目',
        lead: 'commerce',
        post: VP,
        kids: [
          { title: '建立央地合作项目库', lead: 'commerce', sup: ['drc'], due: 'y1', pace: 'done' },
          { title: '对接驻区央企总部，争取投资布局', lead: 'commerce', due: { quarter: 10 }, period: 'quarterly' },
        ],
      },
      {
        title: '补链强链延链：推动央企配套落地',
        lead: 'commerce',
        sup: ['chem_park', 'industry'],
        kids: [
          { title: '引进央企上下游配套企业', lead: 'chem_park', sup: ['commerce'], due: 'y2' },
          { title: '支持驻区央企扩能改造', lead: 'industry', due: 'y3' },
          { title: '发展炼化下游高端化学品', lead: 'chem_park', due: 'y3', pace: 'lag' },
        ],
      },
      {
        title: '强化服务保障',
        lead: 'commerce',
        kids: [
          { title: '建立央地合作联席会议和“专班+专员”服务机制', lead: 'commerce', due: { month: 15 } },
          { title: '协调解决驻区企业用地用水用电问题', lead: 'natural_resources', sup: ['housing'], due: 'ongoing' },
        ],
      },
    ],
  },
  {
    plan: 'S6',
    area: 'health',
    tasks: [
      {
        title: '完善“园区+街区+社区”康复辅助器具产业体系',
        lead: 'civil',
        post: VP,
        kids: [
          { title: '建设康复辅助器具产业园（园区）', lead: 'industry', sup: ['civil'], due: 'y3', ms: ['园区规划获批'] },
          { title: '打造康复辅具特色街区（街区）', lead: 'jianshe', sup: ['commerce'], due: 'y2', ms: ['完成街区规划', '招商入驻', '开街运营'], lateMilestone: '招商入驻' },
          { title: '社区康复辅具租赁服务点（社区）', lead: 'civil', each: { units: CITY_STREETS, title: '社区康复辅具租赁服务点建设', due: 'y2' } },
        ],
      },
      {
        title: '推动康养医养融合发展',
        lead: 'health',
        post: VP,
        kids: [
          { title: '二级以上医院设置老年医学科', lead: 'health', due: 'y2' },
          { title: '推进家庭医生签约服务', lead: 'health', due: 'ongoing' },
          { title: '发展社区嵌入式养老服务', lead: 'civil', sup: ['health'], due: 'y3' },
        ],
      },
      {
        title: '在做大做强康养医养产业中强化民生保障',
        lead: 'civil',
        kids: [
          { title: '建设城市一刻钟便民生活圈', lead: 'commerce', sup: ['jianshe', 'hongqi'], due: 'y2', claims: { jianshe: 'submitted' } },
          { title: '建设街道老旧小区冬季供暖入户排查', lead: 'jianshe', sup: ['housing'], due: { workdays: 3, span: 15 }, now: '75' },
          { title: '推进老旧小区改造', lead: 'housing', sup: ['jianshe', 'hongqi', 'shengli'], due: 'y2', ms: ['完成立项', '主体完工'] },
        ],
      },
    ],
  },
  ...MECHANISM_TASKS,
];
