import type { Actor } from '../../context.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from '../../testing/api.js';
import { DATABASE_KINDS } from '../../testing/databases.js';
import { loginAs, makeUser } from '../../testing/factories.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { makeInspection, makeLedgerEntry } from '../../testing/inspectionCalls.js';
import { dayFrom, reportingApi, today } from '../../testing/reportingCalls.js';
import { readXlsx } from '../../testing/xlsx.js';
import { makeDistrict, makePerson, makeTask, type District, type Person } from '../../testing/workFactories.js';
import { ledgerExportPages } from '../../queries/inspections/ledgerExport.js';
import { LEDGER_HEADER } from '../../xlsx/ledgerXlsx.js';

const chineseDay = (d: string) => `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;
/** Cells as text, holes (empty cells) as '' and the row as wide as the header. */
const full = (row: string[]) => Array.from({ length: LEDGER_HEADER.length }, (_, i) => row[i] ?? '');

describe.each(DATABASE_KINDS)('the 督查 ledger export on %s', (kind) => {
  let h: Harness;
  let d: District;
  let api: ReturnType<typeof reportingApi>;
  let inspector: Person;
  let campaignId: string;
  const ids: Record<'late' | 'judged' | 'reopened', string> = { late: '', judged: '', reopened: '' };
  beforeAll(async () => {
    h = await startHarness(kind);
    d = await makeDistrict(h.app, h.db.database);
    api = reportingApi(h.app, h.db.database);
    inspector = await makePerson(h.app, h.db.database, [{ role: 'inspector' }], d.unitB.id);
    const db = h.db.database;
    campaignId = (await makeInspection(db, [d.unitA.id, d.unitB.id], { title: '二季度常态化督导检查' })).id;
    const [t1, t2] = [await makeTask(db, d.plan.id, [{ unitId: d.unitA.id }], { title: '老旧小区改造' }), await makeTask(db, d.loosePlan.id, [{ unitId: d.unitA.id }], { title: '背街小巷整治' })];
    // Recorded in this order (the export's 序号), a second apart.
    const at = (s: number) => new Date(Date.parse('2026-05-01T02:00:00Z') + s * 1000);
    ids.late = (await makeLedgerEntry(db, d.unitA.id, { items: [{ itemType: 'task', itemId: t2.id }, { itemType: 'task', itemId: t1.id }], over: { inspectionId: campaignId, keyLink: 'delivery', finding: '改造进度滞后', requirement: '倒排工期', deadline: dayFrom(-5), createdAt: at(1) } })).id;
    ids.judged = (await makeLedgerEntry(db, d.unitB.id, { status: 'verified', over: { inspectionId: campaignId, keyLink: 'planning', finding: '方案未细化', requirement: '细化到月', deadline: dayFrom(3), verdict: 'not_effective', verifyComment: '仍未细化', createdAt: at(2) } })).id;
    ids.reopened = (await makeLedgerEntry(db, d.unitA.id, { status: 'submitted', over: { keyLink: 'implementation', finding: '台账不全', requirement: '补齐台账', deadline: dayFrom(-1), measures: '已补齐', reopenCount: 1, createdAt: at(3) } })).id;
  });
  afterAll(async () => h?.close());

  const download = (who: Person | null, query = '') => send(h.app, { method: 'GET', url: `/api/ledger.xlsx${query}` }, who?.session);
  const sheet = async (who: Person, query = '') => {
    const res = await download(who, query);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return (await readXlsx(res.rawPayload)).map(full);
  };

  it('writes the title, the filters, the header and one numbered row per entry with its cells', async () => {
    const res = await download(inspector);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="ledger.xlsx"; filename*=UTF-8''${encodeURIComponent(`督查工作台账-${today()}.xlsx`)}`);
    const rows = (await readXlsx(res.rawPayload)).map(full);
    expect(rows[0]![0]).toBe(`${d.region.name}督查工作台账（${chineseDay(today())}）`);
    expect(rows[1]![0]).toBe('筛选条件：全部');
    expect(rows[2]).toEqual([...LEDGER_HEADER]);
    expect(rows.slice(3)).toEqual([
      ['1', '二季度常态化督导检查', d.unitA.name, '老旧小区改造；背街小巷整治', '推进落实', '改造进度滞后', '倒排工期', dayFrom(-5), '', '待整改', '', '是'],
      ['2', '二季度常态化督导检查', d.unitB.name, '', '谋划部署', '方案未细化', '细化到月', dayFrom(3), '已建立周调度机制', '已验证', '整改无效：仍未细化', '否'],
      // Submitted is no longer owed, so not late though its day has passed.
      ['3', '', d.unitA.name, '', '组织实施', '台账不全', '补齐台账', dayFrom(-1), '已补齐', '已提交整改（重新整改1次）', '', '否'],
    ]);
  });

  it('honours the filters and names them under the title', async () => {
    const rows = await sheet(inspector, `?campaign=${campaignId}&link=delivery&overdue=true`);
    expect(rows[1]![0]).toBe('筛选条件：督查活动：二季度常态化督导检查；关键环节：推进落实；是否逾期：是');
    expect(rows.slice(3).map((r) => r[5])).toEqual(['改造进度滞后']);
    const byUnit = await sheet(inspector, `?unit=${d.unitB.id}&status=verified`);
    expect(byUnit[1]![0]).toBe(`筛选条件：被督查单位：${d.unitB.name}；状态：已验证`);
    expect(byUnit.slice(3).map((r) => r[5])).toEqual(['方案未细化']);
    expect((await sheet(inspector, '?overdue=false')).slice(3).map((r) => r[0])).toEqual(['1', '2']);
    expect((await download(inspector, '?link=oversight')).statusCode).toBe(400);
  });

  it('holds only what the reader may see, as the list does', async () => {
    const finding = async (who: Person, query = '') => (await sheet(who, query)).slice(3).map((r) => r[5]);
    expect(await finding(d.liaisonA)).toEqual(['改造进度滞后', '台账不全']);
    expect(await finding(d.headB)).toEqual(['方案未细化']);
    // Another unit's filter does not widen a liaison's view.
    expect(await finding(d.liaisonB, `?unit=${d.unitA.id}`)).toEqual([]);
    // A task force: the entries on its plans' items.
    expect(await finding(d.taskForce)).toEqual(['改造进度滞后']);
    for (const who of [inspector, d.liaisonA, d.headB, d.taskForce, d.leader]) {
      const listed = (await api.get(who, '/api/ledger?perPage=100')).json().page.total;
      expect((await sheet(who)).length - 3).toBe(listed);
    }
  });

  it('is refused to those the list refuses', async () => {
    expect((await download(null)).statusCode).toBe(401);
    expect((await download(d.publicist)).statusCode).toBe(403);
    const admin = await makeUser(h.db.database, [{ role: 'sysadmin' }]);
    expect((await download({ id: admin.id, session: await loginAs(h.app, admin) })).statusCode).toBe(403);
  });

  it('reads page after page without losing or repeating an entry, also among entries recorded at the same instant', async () => {
    const same = new Date('2026-05-02T02:00:00Z');
    for (let i = 0; i < 5; i++) await makeLedgerEntry(h.db.database, d.unitB.id, { over: { finding: `同刻发现${i}`, createdAt: same } });
    const overseer: Actor = { userId: inspector.id, account: 'inspector', unitId: d.unitB.id, regionIds: [d.region.id], roles: [{ role: 'inspector', unitId: null, bodyId: null }] };
    const pages: string[][] = [];
    for await (const page of ledgerExportPages(h.db.database.db, overseer, {}, today(), 2)) pages.push(page.map((r) => r.id));
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 2]);
    const all = pages.flat();
    expect(new Set(all).size).toBe(8);
    expect(all.slice(0, 3)).toEqual([ids.late, ids.judged, ids.reopened]);
  });
});
