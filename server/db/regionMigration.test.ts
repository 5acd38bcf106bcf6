import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('./migrations', import.meta.url));

/** The migrations up to and including `last` (by index), copied to a folder of their own. */
function migrationsUpTo(dir: string, last: number): string {
  const out = path.join(dir, `migrations-${last}`);
  fs.mkdirSync(path.join(out, 'meta'), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(SRC, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= last);
  fs.writeFileSync(path.join(out, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(SRC, `${e.tag}.sql`), path.join(out, `${e.tag}.sql`));
  return out;
}

describe('migration 0048: what an office started before regions sealed it', () => {
  it('takes its body’s or its maker’s unit’s region, else the first region, and lets each region keep a scheme of its own per year and category', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-0048-'));
    const client = new PGlite();
    try {
      await migrate(drizzle({ client }), { migrationsFolder: migrationsUpTo(dir, 47) });
      const one = async (q: string, params: unknown[] = []) => (await client.query<{ id: string }>(q, params)).rows[0]!.id;
      const first = await one(`insert into regions (code, name, created_at) values ('first', '甲区', now() - interval '1 day') returning id`);
      const other = await one(`insert into regions (code, name) values ('other', '乙区') returning id`);
      const unit = await one(`insert into org_units (region_id, code, name, kind) values ($1, 'u', '乙区发改局', 'department') returning id`, [other]);
      await client.query(`insert into bodies (region_id, code, name, kind) values ($1, 'tf', '乙区专项组', 'task_force')`, [other]);
      const maker = await one(`insert into users (account, display_name, unit_id, password_hash) values ('office', '办公室', $1, 'x') returning id`, [unit]);
      const rows = {
        madeOrder: await one(`insert into dispatches (kind, title, deadline, created_by_id) values ('question', '有人发的', '2026-12-10', $1) returning id`, [maker]),
        orphanOrder: await one(`insert into dispatches (kind, title, deadline) values ('question', '无人发的', '2026-12-10') returning id`),
        directive: await one(`insert into directives (source, title, received_on, created_by_id) values ('市委', '通知', '2026-12-01', $1) returning id`, [maker]),
        campaign: await one(`insert into inspections (kind, title, period_from, period_to, created_by_id) values ('routine', '督查', '2026-10-01', '2026-12-31', $1) returning id`, [maker]),
        bulletin: await one(`insert into bulletins (period_from, period_to, title, doc_number, issuer, issue_date, sections) values ('2026-10-01', '2026-12-31', '通报', '督通〔2026〕1号', '督查室', '2026-12-01', '[]') returning id`),
        article: await one(`insert into articles (kind, title, author_id) values ('news', '动态', $1) returning id`, [maker]),
        scheme: await one(`insert into assessment_schemes (year, category, name, indicators, rules, created_by_id) values (2026, 'departments', '部门考核', '[]', '{}', $1) returning id`, [maker]),
        // A task force's meeting, made by nobody: its body's region.
        bodyMeeting: await one(`insert into meetings (kind, title, held_on, body_id) values ('task_force', '专项组例会', '2026-12-08', (select id from bodies where code = 'tf')) returning id`),
        orphanMeeting: await one(`insert into meetings (kind, title, held_on) values ('leading_group', '领导小组会议', '2026-12-08') returning id`),
      };

      await migrate(drizzle({ client }), { migrationsFolder: SRC });
      const regionOf = async (table: string, id: string) => (await client.query<{ region_id: string }>(`select region_id from ${table} where id = $1`, [id])).rows[0]!.region_id;
      expect({
        madeOrder: await regionOf('dispatches', rows.madeOrder),
        orphanOrder: await regionOf('dispatches', rows.orphanOrder),
        directive: await regionOf('directives', rows.directive),
        campaign: await regionOf('inspections', rows.campaign),
        bulletin: await regionOf('bulletins', rows.bulletin),
        article: await regionOf('articles', rows.article),
        scheme: await regionOf('assessment_schemes', rows.scheme),
        bodyMeeting: await regionOf('meetings', rows.bodyMeeting),
        orphanMeeting: await regionOf('meetings', rows.orphanMeeting),
      }).toEqual({ madeOrder: other, orphanOrder: first, directive: other, campaign: other, bulletin: first, article: other, scheme: other, bodyMeeting: other, orphanMeeting: first });

      // From now on a row needs its region; a region other than the scheme's may keep one for the same year and category, the same region not.
      await expect(client.query(`insert into directives (source, title, received_on) values ('市委', '无区', '2026-12-02')`)).rejects.toThrow(/region_id/);
      await client.query(`insert into assessment_schemes (year, category, name, indicators, rules, region_id) values (2026, 'departments', '甲区部门考核', '[]', '{}', $1)`, [first]);
      await expect(client.query(`insert into assessment_schemes (year, category, name, indicators, rules, region_id) values (2026, 'departments', '重复', '[]', '{}', $1)`, [other])).rejects.toThrow(/assessment_schemes_region_year_category/);
    } finally {
      await client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migration 0051: notices numbered per region', () => {
  it('gives a notice made before its unit’s region, and lets each region give the same 文号 once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuijin-0051-'));
    const client = new PGlite();
    try {
      await migrate(drizzle({ client }), { migrationsFolder: migrationsUpTo(dir, 50) });
      const one = async (q: string, params: unknown[] = []) => (await client.query<{ id: string }>(q, params)).rows[0]!.id;
      const [a, b] = [await one(`insert into regions (code, name) values ('a', '甲区') returning id`), await one(`insert into regions (code, name) values ('b', '乙区') returning id`)];
      const [unitA, unitB] = [
        await one(`insert into org_units (region_id, code, name, kind) values ($1, 'ua', '甲区发改局', 'department') returning id`, [a]),
        await one(`insert into org_units (region_id, code, name, kind) values ($1, 'ub', '乙区发改局', 'department') returning id`, [b]),
      ];
      const notice = (unit: string, number: string, region?: string) =>
        one(
          `insert into notices (kind, colour, doc_number, unit_id, subject_type, subject_id, subject_title, workdays_late, content, reply_by${region ? ', region_id' : ''})
           values ('urge', 'blue', $1, $2, 'task', gen_random_uuid(), '任务', 3, '请抓紧', '2026-12-10'${region ? ', $3' : ''}) returning id`,
          region ? [number, unit, region] : [number, unit],
        );
      const before = await notice(unitB, '督催〔2026〕1号');

      await migrate(drizzle({ client }), { migrationsFolder: SRC });
      expect((await client.query<{ region_id: string }>(`select region_id from notices where id = $1`, [before])).rows[0]!.region_id).toBe(b);
      // 甲区 gives its own 1号; 乙区's 1号 is taken in its series.
      await notice(unitA, '督催〔2026〕1号', a);
      await expect(notice(unitB, '督催〔2026〕1号', b)).rejects.toThrow(/notices_region_doc_number/);
      await expect(client.query(`insert into notices (kind, colour, doc_number, unit_id, subject_type, subject_id, subject_title, workdays_late, content, reply_by) values ('urge', 'blue', '督催〔2026〕9号', $1, 'task', gen_random_uuid(), '任务', 3, '请抓紧', '2026-12-10')`, [unitA])).rejects.toThrow(/region_id/);
    } finally {
      await client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
