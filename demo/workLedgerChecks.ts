import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { LEDGER_STATUSES } from '../domain/ledger.js';
import { CASE_STATUSES } from '../domain/oversight.js';
import { noticeLevel } from '../domain/notices.js';
import { now } from '../server/clock.js';
import { auditLog, complaints } from '../server/db/schema/index.js';
import { loginAs, type Session } from '../server/testing/factories.js';
import type { Harness } from '../server/testing/harness.js';
import { readXlsx } from '../server/testing/xlsx.js';

type Entry = Record<string, unknown> & { id: string; status: string; unitId: string; verdict: string | null; items: { itemType: string; itemId: string }[] };

/**
 * The checks of the demo's 督查 ledger, oversight cases, complaints, bulletins and notices. They
 * ride on workLoad.test.ts's demo load (one load per file, the suite's time) and must run before
 * its tests that write: a report walked to acceptance can turn a ledger item's light green.
 */
export function ledgerDemoChecks(harness: () => Harness, PASSWORD: string): void {
  describe('the demo district’s 督查 ledger', () => {
    let h: Harness;
    let entries: Entry[];
    const as = async (account: string): Promise<Session> => loginAs(h.app, { account, password: PASSWORD, totpSecret: null });
    const get = async (s: Session, url: string) => {
      const res = await h.app.inject({ url, headers: s.headers });
      expect(res.statusCode, res.body).toBe(200);
      return res;
    };
    const rows = async (text: string) => ((await h.db.database.db.execute(sql.raw(text))) as unknown as { rows: Record<string, unknown>[] }).rows;

    beforeAll(async () => {
      h = harness();
      entries = (await get(await as('inspector'), '/api/ledger?perPage=100')).json().data;
    });

    it('has a routine and a special campaign, and entries in every state: both verdicts, one reopened, measures where submitted', async () => {
      const campaigns = (await get(await as('inspector'), '/api/inspections')).json().data as { kind: string }[];
      expect(campaigns.map((c) => c.kind).sort()).toEqual(['routine', 'special']);
      expect(new Set(entries.map((e) => e.status))).toEqual(new Set(LEDGER_STATUSES));
      expect(new Set(entries.filter((e) => e.status === 'verified').map((e) => e.verdict))).toEqual(new Set(['effective', 'not_effective']));
      expect(entries.filter((e) => e.status === 'rectifying' && (e.reopenCount as number) > 0)).toHaveLength(1);
      const inspector = await as('inspector');
      for (const e of entries.filter((x) => x.status !== 'open' && x.status !== 'rectifying')) {
        expect(e.measures).toMatch(/\S/);
        // Its evidence is a file of the store, which whoever reads the entry may open.
        const [file] = e.evidence as { sha256: string; name: string }[];
        expect(file!.name).toMatch(/^整改/);
        await get(inspector, `/api/evidence/${file!.sha256}`);
      }
      expect(entries.some((e) => e.overdue)).toBe(true);
      expect(new Set(entries.map((e) => e.inspectionId)).size).toBe(2);
    });

    it('opens each entry from a real red or overdue item, or a key project’s blocker, within its campaign’s units', async () => {
      for (const e of entries) {
        expect(['red_light', 'overdue', 'blocker']).toContain(e.sourceKind);
        expect(e.items.length).toBe(1);
      }
      // The items were red when the inspector recorded them; the lights are as the load computed them.
      const notRed = await rows(`select count(*)::int as n from ledger_items li
        left join tasks t on t.id = li.item_id left join projects p on p.id = li.item_id
        join ledger_entries e on e.id = li.entry_id
        where e.source_kind <> 'blocker' and coalesce(t.light, p.light) <> 'red'`);
      expect(notRed).toEqual([{ n: 0 }]);
      expect(await rows(`select count(*)::int as n from ledger_entries e join inspections i on i.id = e.inspection_id where not (e.unit_id = any(i.unit_ids))`)).toEqual([{ n: 0 }]);
    });

    it('names who took each step and when, in order: the 督查室 finds, verifies, closes and reopens; the unit signs and rectifies', async () => {
      // Never after the program's clock (the date matrix moves it away from the database's own now()).
      const wrong = await rows(`select e.id from ledger_entries e
        where not exists (select 1 from user_roles r where r.user_id = e.created_by_id and r.role = 'inspector')
           or (e.acknowledged_at is null) <> (e.acknowledged_by_id is null)
           or (e.acknowledged_by_id is not null and not exists (select 1 from user_roles r where r.user_id = e.acknowledged_by_id and r.role in ('liaison', 'unit_head') and r.unit_id = e.unit_id))
           or (e.rectified_at is null) <> (e.status in ('open', 'rectifying') and e.reopen_count = 0)
           or (e.rectified_by_id is not null and not exists (select 1 from user_roles r where r.user_id = e.rectified_by_id and r.role in ('liaison', 'unit_head') and r.unit_id = e.unit_id))
           or (e.verified_at is not null and not exists (select 1 from user_roles r where r.user_id = e.verified_by_id and r.role = 'inspector'))
           or (e.verified_by_id = e.rectified_by_id)
           or e.acknowledged_at <= e.created_at or e.rectified_at <= e.acknowledged_at or e.verified_at <= e.rectified_at
           or e.closed_at <= e.verified_at or e.reopened_at <= e.verified_at
           or greatest(e.created_at, e.acknowledged_at, e.rectified_at, e.verified_at, e.closed_at, e.reopened_at) > '${now().toISOString()}'::timestamptz`);
      expect(wrong).toEqual([]);
    });

    it('shows the 建设街道 liaison its own entries to act on, and counts them in the load’s one audit record', async () => {
      const liaison = await as('liaison');
      const mine = (await get(liaison, '/api/ledger?perPage=100')).json().data as Entry[];
      const jianshe = mine[0]?.unitId;
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((e) => e.unitId === jianshe)).toBe(true);
      const open = mine.find((e) => e.status === 'open' || e.status === 'rectifying')!;
      const policies = (await get(liaison, `/api/ledger/${open.id}`)).json().policies;
      expect(policies.acknowledge || policies.rectify).toBe(true);
      const [loaded] = await h.db.database.db.select().from(auditLog).where(eq(auditLog.action, 'system.demo_loaded'));
      expect(loaded!.after).toMatchObject({ inspections: 2, ledgerEntries: entries.length });
    });

    it('exports the whole ledger for the inspector', async () => {
      const sheet = await readXlsx((await get(await as('inspector'), '/api/ledger.xlsx')).rawPayload);
      expect(sheet[0]![0]).toMatch(/^双台子区督查工作台账（/);
      expect(sheet.length - 3).toBe(entries.length);
    });

    // The oversight office's cases ride on this file's demo load: one load, not another (the suite's time).
    it('gives the oversight account cases in every state, with notes, sources and disposals, and nobody else a sign of them', async () => {
      const cases = (await get(await as('oversight'), '/api/oversight/cases?perPage=100')).json().data as { id: string; status: string; disposal: string | null; sourceKind: string; createdAt: string }[];
      expect(new Set(cases.map((x) => x.status))).toEqual(new Set(CASE_STATUSES));
      expect(cases.filter((x) => x.status === 'handled' || x.status === 'closed').every((x) => x.disposal)).toBe(true);
      expect(new Set(cases.map((x) => x.sourceKind)).size).toBeGreaterThan(2);
      expect(cases.every((x) => x.createdAt <= now().toISOString())).toBe(true);
      const one = (await get(await as('oversight'), `/api/oversight/cases/${cases.find((x) => x.status === 'verifying')!.id}`)).json().data;
      expect(one.notes.length).toBeGreaterThan(0);
      for (const account of ['leader', 'auditor', 'sysadmin']) {
        // As an unknown URL answers that session (admins without their second factor yet: 403 stage_required).
        const headers = (await as(account)).headers;
        const [res, missing] = [await h.app.inject({ url: `/api/oversight/cases/${one.id}`, headers }), await h.app.inject({ url: `/api/nope/cases/${one.id}`, headers })];
        expect([res.statusCode, res.body]).toEqual([missing.statusCode, missing.body]);
      }
      const [loaded] = await h.db.database.db.select().from(auditLog).where(eq(auditLog.action, 'system.demo_loaded'));
      expect(JSON.stringify(loaded!.after)).not.toMatch(/oversight|case/i);
    });

    it('has public complaints as cases of the oversight office, one with a public reply its tracking code shows', async () => {
      const cases = (await get(await as('oversight'), '/api/oversight/cases?perPage=100&source=complaint')).json().data as { id: string }[];
      expect(cases.length).toBe(2);
      const filed = await h.db.database.db.select({ code: complaints.trackingCode, reply: complaints.reply }).from(complaints);
      const views = await Promise.all(filed.map(async (f) => (await h.app.inject({ url: `/api/public/complaints/${f.code}` })).json().data));
      expect(views.map((v) => v.status).sort()).toEqual(['received', 'replied']);
      expect(views.find((v) => v.status === 'replied').reply).toContain('信用修复');
      // The one just received came with a photo: the demo's site photo, read back by the oversight office.
      const officer = await as('oversight');
      const withFiles = await Promise.all(cases.map(async (c) => ({ id: c.id, files: (await get(officer, `/api/oversight/cases/${c.id}/complaint`)).json().data.files as { sha256: string; name: string; mime: string }[] })));
      const photo = withFiles.flatMap((c) => c.files.map((f) => ({ caseId: c.id, ...f })));
      expect(photo).toEqual([{ caseId: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), name: '停工待证的施工现场.png', mime: 'image/png', size: expect.any(Number) }]);
      const bytes = (await get(officer, `/api/oversight/cases/${photo[0]!.caseId}/complaint/files/${photo[0]!.sha256}`)).rawPayload;
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(photo[0]!.sha256);
    });

    it('has an issued bulletin (its frozen .docx matching its hash), a draft, and a notice of each colour, the blue one acknowledged', async () => {
      const inspector = await as('inspector');
      const list = (await get(inspector, '/api/bulletins')).json().data as { id: string; status: string; sha256: string | null; sections: unknown[] }[];
      expect(list.map((b) => b.status).sort()).toEqual(['draft', 'issued']);
      const issued = list.find((b) => b.status === 'issued')!;
      expect(issued.sections).toHaveLength(4);
      const liaison = await as('liaison');
      expect((await get(liaison, '/api/bulletins')).json().data.map((b: { id: string }) => b.id)).toEqual([issued.id]);
      const file = (await get(liaison, `/api/bulletins/${issued.id}.docx`)).rawPayload;
      expect(createHash('sha256').update(file).digest('hex')).toBe(issued.sha256);
      const notices = (await get(inspector, '/api/notices')).json().data as { colour: string; status: string; kind: string; workdaysLate: number; issuedAt: string }[];
      expect(notices.map((n) => n.colour).sort()).toEqual(['blue', 'red', 'yellow']);
      // None dated after the load (on a Sunday the red one was once dated the Monday after).
      expect(notices.filter((n) => n.issuedAt > now().toISOString())).toEqual([]);
      for (const n of notices) expect(noticeLevel(n.workdaysLate)).toEqual({ kind: n.kind, colour: n.colour });
      expect(notices.filter((n) => n.status === 'acknowledged').map((n) => n.colour)).toEqual(['blue']);
    });
  });
}
