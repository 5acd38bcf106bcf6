import type { FastifyRequest } from 'fastify';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { ErrorBody, IdParams, itemResponse, listResponse } from '../../../domain/schemas/common.js';
import {
  AgendaItemCreate,
  AgendaItemUpdate,
  AgendaOutcome,
  AgendaDeleteQuery,
  AgendaParams,
  DecisionCreate,
  Meeting,
  MeetingCreate,
  MeetingDetail,
  MeetingListQuery,
  MeetingStep,
  MeetingUpdate,
} from '../../../domain/schemas/meeting.js';
import type { MeetingKind, MeetingStatus } from '../../../domain/meetings.js';
import type { App } from '../../app.js';
import { now as clockNow } from '../../clock.js';
import { addAgendaItem, refreshSnapshot, removeAgendaItem, updateAgendaItem } from '../../commands/meetings/agenda.js';
import { closeMeeting } from '../../commands/meetings/closeMeeting.js';
import { recordDecision } from '../../commands/meetings/recordDecision.js';
import { recordOutcome } from '../../commands/meetings/recordOutcome.js';
import { createMeeting, updateMeeting } from '../../commands/meetings/saveMeeting.js';
import { sendDocx } from '../../downloads.js';
import { meetingMinutesDocx } from '../../docx/meetingMinutes.js';
import { meetingPackDocx } from '../../docx/meetingPack.js';
import { notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { meetingPolicy } from '../../policies/meeting.js';
import { presentMeeting, presentMeetingDetail } from '../../presenters/meetings/meeting.js';
import { meetingDocOf } from '../../presenters/meetings/meetingDoc.js';
import { currentCalendar } from '../../queries/calendar.js';
import { trackedOnSubject } from '../../queries/dispatch/dispatches.js';
import { agendaLines, attendingUnits, findMeeting, listMeetings } from '../../queries/meetings/meetings.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };
const tags = ['meetings'];

/** `{ data, policies }` for one meeting as the actor may read it. */
async function meetingView(req: FastifyRequest, id: string) {
  const db = req.ctx.database.db;
  const actor = req.ctx.actor;
  const row = await findMeeting(db, actor, id);
  if (!row) throw notFound('meeting');
  const [units, agenda, decisions, cal] = await Promise.all([attendingUnits(db, id), agendaLines(db, id), trackedOnSubject(db, 'decision', 'meeting', id), currentCalendar(db)]);
  const data = presentMeetingDetail(actor, row, units, agenda, decisions, { cal, today: shanghaiDate(clockNow()) });
  const subject = { status: row.meeting.status as MeetingStatus, kind: row.meeting.kind as MeetingKind, bodyId: row.meeting.bodyId };
  return { data, policies: meetingPolicy.rowPolicies(actor, subject) };
}

/**
 * Meetings of the leading group, the HQ and the task forces: agenda (hearings with their frozen
 * status, reviews of plans, deployments), attendance, decisions tracked as items, the pack and the
 * minutes as .docx.
 */
export default function meetingRoutes(app: App) {
  app.get('/api/meetings', { schema: { tags, querystring: MeetingListQuery, response: { 200: listResponse(Meeting), ...errors } } }, async (req) => {
    authorize(meetingPolicy.route.read(req.ctx.actor));
    const { page, perPage, ...filter } = req.query;
    const { rows, total } = await listMeetings(req.ctx.database.db, req.ctx.actor, filter, page, perPage);
    return { data: rows.map(presentMeeting), page: { page, perPage, total }, policies: meetingPolicy.routePolicies(req.ctx.actor) };
  });

  app.post('/api/meetings', { schema: { tags, body: MeetingCreate, response: { 200: itemResponse(MeetingDetail), ...errors } } }, async (req) => {
    authorize(meetingPolicy.route.create(req.ctx.actor));
    const m = await createMeeting(req.ctx, req.body);
    return meetingView(req, m.id);
  });

  app.get('/api/meetings/:id', { schema: { tags, params: IdParams, response: { 200: itemResponse(MeetingDetail), ...errors } } }, async (req) => {
    authorize(meetingPolicy.route.read(req.ctx.actor));
    return meetingView(req, req.params.id);
  });

  app.patch('/api/meetings/:id', { schema: { tags, params: IdParams, body: MeetingUpdate, response: { 200: itemResponse(MeetingDetail), ...errors } } }, async (req) => {
    authorize(meetingPolicy.route.update(req.ctx.actor));
    await updateMeeting(req.ctx, req.params.id, req.body);
    return meetingView(req, req.params.id);
  });

  app.post('/api/meetings/:id/close', { schema: { tags, params: IdParams, body: MeetingStep.nullish(), response: { 200: itemResponse(MeetingDetail), ...errors } } }, async (req) => {
    authorize(meetingPolicy.route.close(req.ctx.actor));
    await closeMeeting(req.ctx, req.params.id, req.body ?? {});
    return meetingView(req, req.params.id);
  });

  app.post('/api/meetings/:id/agenda', { schema: { tags, params: IdParams, body: AgendaItemCreate, response: { 200: itemResponse(MeetingDetail), ...errors } } }, async (req) => {
    authorize(meetingPolicy.route.update(req.ctx.actor));
    await addAgendaItem(req.ctx, req.params.id, req.body);
    return meetingView(req, req.params.id);
  });

  app.patch(
    '/api/meetings/:id/agenda/:itemId',
    { schema: { tags, params: AgendaParams, body: AgendaItemUpdate, response: { 200: itemResponse(MeetingDetail), ...errors } } },
    async (req) => {
      authorize(meetingPolicy.route.update(req.ctx.actor));
      await updateAgendaItem(req.ctx, req.params.id, req.params.itemId, req.body);
      return meetingView(req, req.params.id);
    },
  );

  app.delete('/api/meetings/:id/agenda/:itemId', { schema: { tags, params: AgendaParams, querystring: AgendaDeleteQuery, response: { 200: itemResponse(MeetingDetail), ...errors } } }, async (req) => {
    authorize(meetingPolicy.route.update(req.ctx.actor));
    await removeAgendaItem(req.ctx, req.params.id, req.params.itemId, req.query.version);
    return meetingView(req, req.params.id);
  });

  app.post(
    '/api/meetings/:id/agenda/:itemId/snapshot',
    { schema: { tags, params: AgendaParams, body: MeetingStep.nullish(), response: { 200: itemResponse(MeetingDetail), ...errors } } },
    async (req) => {
      authorize(meetingPolicy.route.update(req.ctx.actor));
      await refreshSnapshot(req.ctx, req.params.id, req.params.itemId, req.body?.version);
      return meetingView(req, req.params.id);
    },
  );

  app.post(
    '/api/meetings/:id/agenda/:itemId/outcome',
    { schema: { tags, params: AgendaParams, body: AgendaOutcome, response: { 200: itemResponse(MeetingDetail), ...errors } } },
    async (req) => {
      authorize(meetingPolicy.route.decide(req.ctx.actor));
      await recordOutcome(req.ctx, req.params.id, req.params.itemId, req.body);
      return meetingView(req, req.params.id);
    },
  );

  app.post('/api/meetings/:id/decisions', { schema: { tags, params: IdParams, body: DecisionCreate, response: { 200: itemResponse(MeetingDetail), ...errors } } }, async (req) => {
    authorize(meetingPolicy.route.update(req.ctx.actor));
    await recordDecision(req.ctx, req.params.id, req.body);
    return meetingView(req, req.params.id);
  });

  app.get('/api/meetings/:id/pack.docx', { schema: { tags, params: IdParams } }, async (req, reply) => {
    authorize(meetingPolicy.route.read(req.ctx.actor));
    const view = await meetingView(req, req.params.id);
    const file = await meetingPackDocx(meetingDocOf(view.data, clockNow()));
    return sendDocx(reply, file, 'meeting-pack.docx', `${view.data.title}-会议材料.docx`);
  });

  app.get('/api/meetings/:id/minutes.docx', { schema: { tags, params: IdParams } }, async (req, reply) => {
    authorize(meetingPolicy.route.read(req.ctx.actor));
    const view = await meetingView(req, req.params.id);
    const file = await meetingMinutesDocx(meetingDocOf(view.data, clockNow()));
    return sendDocx(reply, file, 'meeting-minutes.docx', `${view.data.title}-会议纪要.docx`);
  });
}
