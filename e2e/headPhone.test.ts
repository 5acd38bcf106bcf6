// The unit head's phone (issue 24 item 5) at 375 × 812: the reports waiting for approval come first
// on the workbench, each with its figure, text and photos; 通过 is one tap, 退回 asks for a reason in
// a bottom sheet; the decisions carry an Idempotency-Key, so a retry after a lost answer approves
// once; a report changed meanwhile keeps its line with the reason (and the reason typed); with no
// network the buttons are off and say why.
// The flows use 区商务局 (liaison_commerce, unit_head_commerce: the same role and pages as the demo's
// `unit_head`) so that they take none of the reports 建设街道's flows (pwa, workflow) file.
import { readFileSync } from 'node:fs';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiLogin, type ApiSession } from './apiSession.js';
import { atPath, launch, newPage, submitLogin } from './browser.js';
import { serverBase } from './base.js';
import { shot } from './pageHelpers.js';

const base = serverBase();
let browser: Browser;
let liaison: ApiSession;
let head: ApiSession;

interface ToReport {
  itemType: 'task' | 'target' | 'project';
  itemId: string;
  period: string;
}
interface ReportRow {
  id: string;
  status: string;
  version: number;
  returnReason: string | null;
  steps: { action: string }[];
}

const PHOTO = readFileSync(new URL('../demo/fixtures/site.png', import.meta.url));
const FIGURE = { task: 'percent', target: 'actual', project: 'investment' } as const;

beforeAll(async () => {
  browser = await launch();
  liaison = await apiLogin(base, 'liaison_commerce');
  head = await apiLogin(base, 'unit_head_commerce');
});
afterAll(async () => {
  await browser?.close();
});

/** The liaison files and submits the report of the first line due (via the API), with a photo when asked. */
async function fileReport(figure: string, text: string, photo = false): Promise<ReportRow & { itemId: string }> {
  const line = (await liaison.get<{ data: { toReport: ToReport[] } }>('/api/workbench/unit')).data.toReport[0];
  if (!line) throw new Error('区商务局 has no report due left');
  const evidence = photo ? [(await liaison.upload<{ data: { sha256: string } }>('/api/evidence', { name: '现场照片.png', type: 'image/png', bytes: PHOTO })).data.sha256] : [];
  const made = (await liaison.post<{ data: ReportRow }>('/api/reports', { itemType: line.itemType, itemId: line.itemId, period: line.period, [FIGURE[line.itemType]]: figure, text, evidence })).data;
  const sent = (await liaison.post<{ data: ReportRow }>(`/api/reports/${made.id}/submit`, { version: made.version })).data;
  return { ...sent, itemId: line.itemId };
}

const report = async (id: string) => (await head.get<{ data: ReportRow }>(`/api/reports/${id}`)).data;

/** The head's phone at 375 × 812, signed in, opened as the installed app opens (/app → the workbench). */
async function headPhone(account = 'unit_head_commerce'): Promise<Page> {
  const { page } = await newPage(browser, base, { phone: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await submitLogin(page, account);
  await atPath(page, '/');
  await page.goto('/app');
  await atPath(page, '/work/unit');
  await page.getByTestId('wb-toApprove').waitFor();
  return page;
}

const lineOf = (page: Page, reportId: string) => page.locator(`[data-testid=wb-toApprove-line][data-key="${reportId}"]`);

describe('the unit head’s phone', () => {
  it('opens the demo unit head’s workbench on 待审批, before everything else', async () => {
    const page = await headPhone('unit_head');
    const first = page.getByTestId('unit-workbench').locator('.ant-card').first();
    expect(await first.getAttribute('data-testid')).toBe('wb-toApprove');
    expect(await first.getAttribute('data-open')).toBe('true');
    await page.context().close();
  });

  it('approves the newest report with one tap and returns another with a reason; a replayed approve takes no second step', async () => {
    const toReturn = await fileReport('12', '本期完成方案初稿。');
    const toApprove = await fileReport('72', '已完成12栋楼的入户排查，方案设计进行中。', true);
    const page = await headPhone();
    // The report filed last is the first line, with what was reported: figure, text, the photo.
    const line = lineOf(page, toApprove.id);
    await line.waitFor();
    expect(await page.getByTestId('wb-toApprove-line').first().getAttribute('data-key')).toBe(toApprove.id);
    expect(await line.getByTestId('approve-figure').innerText()).toMatch(/填报数据：72(%|$)/);
    expect(await line.getByTestId('approve-text').innerText()).toContain('已完成12栋楼的入户排查');
    const thumb = line.getByTestId('approve-photos').locator('img');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
    await shot(page, '.tmp/head-phone-workbench.png');

    // 通过: one tap from the open workbench. The request carries an Idempotency-Key.
    let interactions = 0;
    const sent: Request[] = [];
    page.on('request', (r) => r.url().endsWith(`/api/reports/${toApprove.id}/approve`) && sent.push(r));
    const answered = page.waitForResponse((r) => r.url().endsWith(`/api/reports/${toApprove.id}/approve`));
    await line.getByTestId('approve-one').click();
    interactions++;
    const first = await answered;
    expect(first.status()).toBe(200);
    await line.waitFor({ state: 'detached' });
    expect(interactions).toBeLessThanOrEqual(2);
    console.log(`unit head's approval at 375×812: ${interactions} interaction(s) from the open workbench (通过)`);
    expect((await report(toApprove.id)).status).toBe('approved');

    // The same request again (a retry after a lost answer): the first answer, marked replayed; still one approval.
    const key = sent[0]!.headers()['idempotency-key'];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    const replay = await page.request.post(sent[0]!.url(), { headers: { 'idempotency-key': key!, 'x-csrf-token': sent[0]!.headers()['x-csrf-token']!, 'content-type': 'application/json' }, data: sent[0]!.postData()! });
    expect(replay.status()).toBe(200);
    expect(replay.headers()['idempotent-replayed']).toBe('true');
    expect(await replay.text()).toBe(await first.text());
    expect((await report(toApprove.id)).steps.filter((s) => s.action === 'approve')).toHaveLength(1);

    // 退回: tap, type the reason (required: an empty one is refused in the sheet), confirm.
    const other = lineOf(page, toReturn.id);
    await other.getByTestId('return-one').click();
    await page.getByTestId('return-one-ok').click();
    await page.getByText('请填写退回原因').waitFor();
    expect((await report(toReturn.id)).status).toBe('submitted');
    await page.getByTestId('return-one-reason').fill('数据口径不对，请按季度累计填报');
    await page.getByText('请填写退回原因').waitFor({ state: 'detached' });
    await shot(page, '.tmp/head-phone-return.png');
    await page.getByTestId('return-one-ok').click();
    await other.waitFor({ state: 'detached' });
    expect(await report(toReturn.id)).toMatchObject({ status: 'returned', returnReason: '数据口径不对，请按季度累计填报' });
    await page.context().close();
  });

  it('approves once when the answer of the tap is lost and the head taps again', async () => {
    const r = await fileReport('40', '按计划推进。');
    const page = await headPhone();
    const line = lineOf(page, r.id);
    await line.waitFor();
    // The server takes the approval and answers; the phone never hears it.
    let dropped = 0;
    const keys: string[] = [];
    await page.route(`**/api/reports/${r.id}/approve`, async (route) => {
      keys.push(route.request().headers()['idempotency-key'] ?? '');
      if (dropped++) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await line.getByTestId('approve-one').click();
    await line.getByTestId('approve-problem').waitFor();
    expect(await line.getByTestId('approve-problem').innerText()).toContain('未收到服务器的答复');
    expect((await report(r.id)).status).toBe('approved');
    await line.getByTestId('approve-one').click();
    await line.waitFor({ state: 'detached' });
    // Both taps sent the same key: the second got the first answer, not a refusal, and nothing was approved twice.
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect((await report(r.id)).steps.filter((s) => s.action === 'approve')).toHaveLength(1);
    await page.context().close();
  });

  it('keeps a report changed meanwhile on its line with the reason, and the reason typed; offline the buttons are off', async () => {
    const r = await fileReport('50', '本期开展现场调度。');
    const page = await headPhone();
    const line = lineOf(page, r.id);
    await line.waitFor();
    // With no network: the buttons are off and the section says why.
    await page.context().setOffline(true);
    await page.getByTestId('wb-toApprove-offline').waitFor();
    expect(await page.getByTestId('wb-toApprove-offline').innerText()).toContain('离线');
    expect(await line.getByTestId('approve-one').isDisabled()).toBe(true);
    expect(await line.getByTestId('return-one').isDisabled()).toBe(true);
    await page.context().setOffline(false);
    await expect.poll(() => line.getByTestId('approve-one').isDisabled()).toBe(false);

    // Meanwhile, from a desk, the report is returned; the phone still shows it and the head returns it too.
    const now = await report(r.id);
    await head.post(`/api/reports/${r.id}/return`, { reason: '桌面端已退回', version: now.version });
    await line.getByTestId('return-one').click();
    await page.getByTestId('return-one-reason').fill('请补充现场照片');
    await page.getByTestId('return-one-ok').click();
    // Refused: the line stays with the server's reason and the reason typed, until dismissed.
    const problem = line.getByTestId('approve-problem');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('请补充现场照片');
    // It says where the report is now: returned, with the desk's reason.
    expect(await line.getByTestId('approve-problem-now').innerText()).toBe('这份报送已被退回：桌面端已退回');
    await page.waitForLoadState('networkidle');
    expect(await line.isVisible()).toBe(true);
    expect(await page.getByTestId('wb-toApprove-line').first().getAttribute('data-key')).toBe(r.id);
    await shot(page, '.tmp/head-phone-conflict.png');
    expect(await report(r.id)).toMatchObject({ status: 'returned', returnReason: '桌面端已退回' });
    await line.getByTestId('approve-dismiss').click();
    await line.waitFor({ state: 'detached' });
    await page.context().close();
  });
});
