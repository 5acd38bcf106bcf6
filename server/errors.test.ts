import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regions } from './db/schema/index.js';
import { DATABASE_KINDS } from './testing/databases.js';
import { makeRegion } from './testing/factories.js';
import { startHarness, type Harness } from './testing/harness.js';
import { uniqueViolationField } from './db/references.js';
import { AppError } from './errors.js';
import { message } from './i18n.js';

describe('error codes (issue 18 item 3)', () => {
  it('are a type from the message table: a code that has no message does not compile', () => {
    // @ts-expect-error 'no_such_code' is not in the message table
    const typo = new AppError(400, 'no_such_code');
    // Were it to slip through at run time, it would still not be a 500: the general message.
    expect(message(typo.code, 'zh-CN')).toBe('请求有误');
    expect(message(new AppError(409, 'version_conflict').code, 'en-US')).toBe('Someone else changed this record; reload it before saving');
  });
  it('name words by keys of the word table: a literal @word that is not there does not compile', () => {
    // @ts-expect-error '@reprot' is not a word of the table
    const typo = new AppError(404, 'not_found', { entity: '@reprot' });
    expect(typo.params.entity).toBe('@reprot');
    // Words picked at run time are checked for their fixed part: `@plan_status_${status}` names some word.
    const status: string = 'draft';
    expect(new AppError(409, 'plan_step_invalid', { status: `@plan_status_${status}`, action: '@plan_action_submit' }).params.status).toBe('@plan_status_draft');
    // @ts-expect-error no word begins with plan_stats_
    void new AppError(409, 'plan_step_invalid', { status: `@plan_stats_${status}` });
  });
  it('name the field of a PostgreSQL unique violation', () => {
    expect(uniqueViolationField('Key (plan_id, code)=(3f0c…, S1-T01) already exists.')).toEqual({ field: 'code', value: 'S1-T01' });
    expect(uniqueViolationField('Key (account)=(liaison) already exists.')).toEqual({ field: 'account', value: 'liaison' });
    expect(uniqueViolationField('Key (lower(account::text))=(x) already exists.')).toBeUndefined();
    expect(uniqueViolationField(undefined)).toBeUndefined();
  });
});

describe.each(DATABASE_KINDS)('a unique violation on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(async () => h?.close());
  it('carries the detail the field is read from', async () => {
    const region = await makeRegion(h.db.database);
    const err = await h.db.database.db
      .insert(regions)
      .values({ code: region.code, name: '重复' })
      .then(() => null, (e: unknown) => e as { cause?: { detail?: string }; detail?: string });
    const detail = err?.detail ?? err?.cause?.detail;
    expect(uniqueViolationField(detail)).toEqual({ field: 'code', value: region.code });
  });
});
