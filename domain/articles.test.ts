import { describe, expect, it } from 'vitest';
import { briefingHtml, periodWords, type BriefingFacts } from './articles.js';
import { articleFlow } from './workflows/article.js';
import { nextState, stepRoles } from './workflows/flow.js';

const facts = (over: Partial<BriefingFacts> = {}): BriefingFacts => ({
  district: '双台子区',
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  reportsAccepted: [{ unit: '区住建局', item: '老旧小区改造<script>alert(1)</script>', percent: '60' }],
  reportsAcceptedCount: 1,
  milestones: [{ task: '老旧小区改造', name: '完成招标', doneOn: '2026-11-12' }],
  projectsStarted: [],
  blockersSolved: [{ title: '用地指标', unit: '区自然资源局' }],
  rankings: [],
  ...over,
});

describe('简报 from a period’s facts', () => {
  it('names a whole month as a month and any other span by its days', () => {
    expect(periodWords('2026-11-01', '2026-11-30')).toBe('2026年11月');
    expect(periodWords('2028-02-01', '2028-02-29')).toBe('2028年2月');
    expect(periodWords('2026-11-01', '2026-11-15')).toBe('2026年11月1日至2026年11月15日');
  });
  it('counts every kind of fact in its lead, lists them, says so when there are none, and escapes every name', () => {
    const html = briefingHtml(facts());
    expect(html).toContain('2026年11月，全区审核通过工作进展报送1份，完成任务节点1个，新开工重点项目0个，解决堵点难点问题1个。');
    expect(html).toContain('<li>区住建局：老旧小区改造&lt;script&gt;alert(1)&lt;/script&gt;，进度60%。</li>');
    expect(html).toContain('<li>老旧小区改造：完成招标（2026年11月12日完成）。</li>');
    expect(html).toContain('<p>本期无新开工项目。</p>');
    expect(html).toContain('<h2>考核排名</h2><p>暂无已发布的考核排名。</p>');
    expect(html).not.toContain('<script');
  });
  it('says how many more there were when a list is cut, and lists published rankings with their marks', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ unit: `单位${i}`, item: '事项', percent: null }));
    const rankings = [{ scheme: '2026年度考核', category: '街道', period: '2026年第三季度', rows: [{ rank: 1, unit: '建设街道', score: '95.50', grade: '优秀', mark: 'red' as const }] }];
    const html = briefingHtml(facts({ reportsAccepted: many, reportsAcceptedCount: 31, rankings }));
    expect(html.match(/<li>单位/g)).toHaveLength(20);
    expect(html).toContain('<p>等31项。</p>');
    expect(html).toContain('<li>第1名 建设街道，95.50分，优秀（红榜）</li>');
  });
});

describe('article workflow', () => {
  it('publishes only what a reviewer approved, and takes back a withdrawn article as a draft', () => {
    expect(nextState(articleFlow, 'draft', 'approve')).toBeUndefined();
    expect(stepRoles(articleFlow, 'draft', 'submit')).toEqual(['publicist']);
    expect(stepRoles(articleFlow, 'review', 'approve')).toEqual(['hq_office', 'leader']);
    expect(nextState(articleFlow, 'review', 'return')).toBe('draft');
    expect(nextState(articleFlow, 'published', 'withdraw')).toBe('withdrawn');
    expect(nextState(articleFlow, 'withdrawn', 'revise')).toBe('draft');
    expect(nextState(articleFlow, 'withdrawn', 'approve')).toBeUndefined();
  });
});
