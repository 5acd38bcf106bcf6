import { sql } from 'drizzle-orm';
import { ARTICLE_IMAGE_PATH, briefingHtml, briefingIssue, briefingTitle, escapeHtml, type ArticleKind, type ArticleStatus } from '../domain/articles.js';
import { articleImages, articles, evidence } from '../server/db/schema/index.js';
import { briefingFacts } from '../server/queries/publicity/briefingFacts.js';
import { demoFiles } from './evidenceFiles.js';
import type { DemoContext } from './index.js';
import type { DemoRandom } from './workRandom.js';
import { at, type DemoClock } from './workSchedule.js';

interface Written {
  kind: ArticleKind;
  title: string;
  excerpt: string;
  paragraphs: string[];
  /** Workdays before today it was published (null: still a draft or in review). */
  published: number | null;
  status?: ArticleStatus;
  image?: boolean;
}

/** What the 区委宣传部 wrote: a few of each kind, published over the last weeks; one in review, one draft. */
const WRITTEN: Written[] = [
  { kind: 'news', title: '我区召开推进工作调度会', excerpt: '研究部署第四季度重点任务攻坚', paragraphs: ['区推进工作指挥部召开调度会，逐项听取重点任务、重点项目推进情况汇报，研究解决堵点难点问题。', '会议要求，各单位要对照年度目标倒排工期、挂图作战，确保全年任务圆满收官。'], published: 2, image: true },
  { kind: 'news', title: '辽河湾新材料产业园项目开工建设', excerpt: '总投资8.5亿元，建成后年产值可达20亿元', paragraphs: ['项目位于辽河湾新区，规划建设标准化厂房和研发中心。', '区有关部门全程帮办代办，项目从签约到开工用时不足三个月。'], published: 9 },
  { kind: 'experience', title: '建设街道：“网格+”模式推动老旧小区改造提速', excerpt: '居民议事会全程参与，改造满意度达96%', paragraphs: ['建设街道把老旧小区改造与网格化治理结合，每个改造小区由网格员牵头组建居民议事会。', '方案征求、施工监督、竣工验收全过程由居民参与，矛盾纠纷在网格内就地化解。'], published: 5 },
  { kind: 'experience', title: '区行政审批局：企业开办“一日办结”', excerpt: '营业执照、公章刻制、税务登记一窗通办', paragraphs: ['区行政审批局整合企业开办各环节，实行一表申请、一窗受理、一日办结。', '今年以来已为1200余户企业提供“零成本”开办服务。'], published: 14 },
  { kind: 'policy', title: '一图读懂我区支持工业企业稳增长十条措施', excerpt: '用电、用地、融资、用工全方位支持', paragraphs: ['措施从降低要素成本、加大金融支持、强化用工保障等方面提出十条具体举措。', '符合条件的企业可通过区政务服务网在线申报，政策兑现时限压缩至15个工作日。'], published: 11 },
  { kind: 'policy', title: '政策解读：重点项目“容缺受理”怎么办', excerpt: '非关键要件缺失可先行受理', paragraphs: ['对重点项目审批中非关键性申请材料缺失的，可先行受理审查，申请人作出承诺后在规定时限内补齐。'], published: 20 },
  { kind: 'news', title: '我区开展营商环境集中整治行动', excerpt: '聚焦企业反映强烈的突出问题', paragraphs: ['行动为期三个月，重点整治政务服务、市场监管、涉企执法等方面的突出问题。'], published: null, status: 'review' },
  { kind: 'experience', title: '红旗镇：产业振兴带动村集体增收', excerpt: '', paragraphs: ['（草稿）红旗镇依托特色种植发展订单农业……'], published: null, status: 'draft' },
];

const html = (w: Written, image: string | null) => `${w.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}${image ? `<p><img src="${ARTICLE_IMAGE_PATH}${image}" alt="现场"></p>` : ''}`;

/**
 * The demo district's 宣传 (issue 23, publicity half): articles of every kind published on the portal
 * over the last weeks (one with the demo's factory photo), one waiting for review and one draft, and
 * last month's 简报 generated from its facts and published. Loaded after the rest of the work.
 */
export async function loadArticles(ctx: DemoContext, c: DemoClock, rng: DemoRandom): Promise<{ articles: number }> {
  const { tx } = ctx;
  const author = ctx.users.get('publicist') ?? null;
  const reviewer = ctx.users.get('hq_office') ?? null;
  const photo = demoFiles().get('factory')!;
  await tx.insert(evidence).values({ sha256: photo.sha256, size: photo.bytes.length, mime: photo.mime, content: sql`decode(${photo.bytes.toString('base64')}, 'base64')` }).onConflictDoNothing();
  const rows: (typeof articles.$inferInsert)[] = WRITTEN.map((w, i) => {
    const day = w.published === null ? c.today : c.cal.addWorkdays(c.today, -w.published);
    const publishedAt = w.published === null ? null : at(day, 16, i);
    const status = w.status ?? 'published';
    return {
      id: rng.uuid(),
      kind: w.kind,
      title: w.title,
      summary: w.excerpt,
      html: html(w, w.image ? photo.sha256 : null),
      status,
      authorId: author,
      regionId: ctx.regionId,
      createdAt: at(day, 9, i),
      updatedAt: publishedAt ?? at(day, 10, i),
      submittedAt: status === 'draft' ? null : at(day, 11, i),
      reviewedById: publishedAt ? reviewer : null,
      reviewedAt: publishedAt,
      publishedAt,
    };
  });
  // Last month's 简报, generated from its facts as 生成简报 does, and published.
  const [y, m] = c.today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 2, 1));
  const start = first.toISOString().slice(0, 10);
  const end = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  const facts = await briefingFacts(tx, ctx.regionId, start, end);
  // The workday after the quarter's assessment result was published (demo/workAssessments.ts): the 简报 reports its ranking.
  const briefDay = c.cal.addWorkdays(c.today, -1);
  rows.push({
    id: rng.uuid(),
    kind: 'briefing',
    title: briefingTitle(facts),
    summary: `${facts.reportsAcceptedCount}份报送审核通过，${facts.milestones.length}个节点完成，${facts.blockersSolved.length}个堵点解决`,
    html: briefingHtml(facts),
    status: 'published',
    periodStart: start,
    periodEnd: end,
    issueNumber: briefingIssue(Number(c.today.slice(0, 4)), 1),
    authorId: author,
    regionId: ctx.regionId,
    createdAt: at(briefDay, 9),
    updatedAt: at(briefDay, 15),
    submittedAt: at(briefDay, 10),
    reviewedById: reviewer,
    reviewedAt: at(briefDay, 15),
    publishedAt: at(briefDay, 15),
  });
  await tx.insert(articles).values(rows);
  const shown = rows.find((r) => r.html!.includes(photo.sha256))!;
  await tx.insert(articleImages).values({ articleId: shown.id!, sha256: photo.sha256 });
  return { articles: rows.length };
}
