import type { FastifyRequest } from 'fastify';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import { Notice, NoticeAcknowledge, NoticeCreate, NoticeListQuery } from '../../../domain/schemas/notice.js';
import type { NoticeColour, NoticeKind } from '../../../domain/notices.js';
import type { App } from '../../app.js';
import { acknowledgeNotice, noticeSubject } from '../../commands/inspections/acknowledgeNotice.js';
import { issueNotice } from '../../commands/inspections/issueNotice.js';
import { noticeDocx } from '../../docx/noticeDocx.js';
import { sendDocx } from '../../downloads.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { noticePolicy } from '../../policies/notice.js';
import { presentNotice } from '../../presenters/inspections/notice.js';
import { inspectionOffice } from '../../queries/inspections/bulletinFacts.js';
import { findUnit } from '../../queries/org.js';
import { findVisibleNotice, listNotices } from '../../queries/inspections/notices.js';
import { shanghaiDate } from '../../../domain/calendar/days.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['notices'];

async function visible(req: FastifyRequest, id: string) {
  const view = await findVisibleNotice(req.ctx.database.db, req.ctx.actor, id);
  if (!view) throw notFound('notice');
  return view;
}

async function noticeView(req: FastifyRequest, id: string) {
  const view = await visible(req, id);
  return { data: presentNotice(view), policies: noticePolicy.rowPolicies(req.ctx.actor, noticeSubject(view.notice)) };
}

/** 催办单/督办单: issued by inspectors and the HQ office to late units, acknowledged by them, as .docx. */
export default function noticeRoutes(app: App) {
  app.get('/api/notices', { schema: { tags, querystring: NoticeListQuery, response: { 200: listResponse(Notice), ...errors } } }, async (req) => {
    authorize(noticePolicy.route.read(req.ctx.actor));
    const { page, perPage, q: _q, ...filter } = req.query;
    const { rows, total } = await listNotices(req.ctx.database.db, req.ctx.actor, filter, page, perPage);
    return { data: rows.map(presentNotice), page: { page, perPage, total }, policies: noticePolicy.routePolicies(req.ctx.actor) };
  });

  app.get('/api/notices/:id.docx', { schema: { tags, params: IdParams } }, async (req, reply) => {
    authorize(noticePolicy.route.read(req.ctx.actor));
    const { notice: n, unitName } = await visible(req, req.params.id);
    // Signed by the 督查室 of the unit's region: a district's notice names that district, whoever reads it.
    const issuer = await inspectionOffice(req.ctx.database.db, (await findUnit(req.ctx.database.db, n.unitId))?.regionId ?? null);
    const file = await noticeDocx({
      kind: n.kind as NoticeKind,
      colour: n.colour as NoticeColour,
      issuer,
      docNumber: n.docNumber,
      unitName: unitName ?? '',
      content: n.content,
      note: n.note,
      issuedOn: shanghaiDate(n.issuedAt),
    });
    return sendDocx(reply, file, 'notice.docx', `${n.docNumber} ${unitName ?? ''}.docx`);
  });

  app.get('/api/notices/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(Notice), ...errors } } }, async (req) => {
    authorize(noticePolicy.route.read(req.ctx.actor));
    return noticeView(req, req.params.id);
  });

  app.post('/api/notices', { schema: { tags, body: NoticeCreate, response: { 200: itemResponse(Notice), ...errors } } }, async (req) => {
    authorize(noticePolicy.route.create(req.ctx.actor));
    const row = await issueNotice(req.ctx, req.body);
    return noticeView(req, row.id);
  });

  app.post('/api/notices/:id/acknowledge', { schema: { tags, params: IdParams, body: NoticeAcknowledge.nullish(), response: { 200: itemResponse(Notice), ...errors } } }, async (req) => {
    authorize(noticePolicy.route.acknowledge(req.ctx.actor));
    await acknowledgeNotice(req.ctx, req.params.id, req.body ?? {});
    return noticeView(req, req.params.id);
  });
}
