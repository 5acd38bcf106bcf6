import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LIMITS } from '../../../domain/limits.js';
import { ErrorBody } from '../../../domain/schemas/common.js';
import { ImportPreviewParams, ImportPreviewView, ImportRowFix, ImportRowParams, ImportRowView, ItemImportRowView, PlanTextPreviewBody, TaskImportCommitResult, TaskImportForm } from '../../../domain/schemas/import.js';
import type { App } from '../../app.js';
import { commitImport } from '../../commands/imports/commitImport.js';
import { fixImportRow } from '../../commands/imports/fixImportRow.js';
import { previewItemSheet, previewPlanText, previewTaskSheet } from '../../commands/imports/previewImport.js';
import { isItemRow } from '../../../domain/imports/itemRows.js';
import { textGuard } from '../../errorHandler.js';
import { fieldName } from '../../i18n.js';
import { AppError, notFound } from '../../errors.js';
import { authorize } from '../../policies/actor.js';
import { taskImportPolicy } from '../../policies/taskImport.js';
import { presentImportPreview, presentImportRow, presentItemRow } from '../../presenters/imports/preview.js';
import { ownPreview, previewRow, previewRows } from '../../queries/imports/previews.js';
import { readForm, type Upload } from '../../uploads.js';
import { issueMessage } from '../../validationMessages.js';
import { jobOf } from '../../progress/jobOf.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody };
const tags = ['imports'];
const MB = 1024 * 1024;
const files = new WeakMap<FastifyRequest, Upload>();

/**
 * The sheet comes as a multipart form (`planId`, the file in `file`): the route tier is checked
 * before a byte of it is read, then the form is read with its limits (one file of at most 5 MB,
 * 413 naming it) and its fields go to the schema like a JSON body.
 */
async function readSheetForm(req: FastifyRequest): Promise<void> {
  authorize(taskImportPolicy.route.preview(req.ctx.actor));
  jobOf(req).phase('receiving');
  if (!req.isMultipart()) throw new AppError(415, 'unsupported_media');
  const lang = req.ctx.lang;
  const form = await readForm(req, {
    fileField: 'file',
    maxFiles: 1,
    maxBytes: LIMITS.importBytes,
    maxFields: 1,
    maxFieldBytes: 200,
    tooLarge: (name) => new AppError(413, 'import_file_too_large', { file: name, mb: LIMITS.importBytes / MB }),
    tooMany: () => new AppError(400, 'import_one_file', {}, { file: issueMessage({ code: 'too_big', origin: 'array', maximum: 1 }, lang, undefined) }),
  });
  req.body = form.fields;
  textGuard(req);
  const file = form.files[0];
  if (!file) {
    const required = issueMessage({ code: 'invalid_type' }, lang, undefined);
    throw new AppError(400, 'validation', { detail: `${fieldName('file', lang)} ${required}` }, { file: required });
  }
  // Typed by name and by content (readTaskSheet): a .xls or .csv renamed is refused either way.
  if (!file.name.toLowerCase().endsWith('.xlsx')) throw new AppError(415, 'import_not_xlsx', { file: file.name });
  files.set(req, file);
}

/** Imports: a 任务分解表 or a pasted 方案 (tasks), a 指标表 (targets), a 重点项目表 (projects) → a preview the office fixes → one commit. */
export default function taskImportRoutes(app: App) {
  const preview = async (req: FastifyRequest, id: string) => {
    const db = req.ctx.database.db;
    const head = await ownPreview(db, req.ctx.actor, id);
    return { data: presentImportPreview(head, await previewRows(db, id), req.ctx.lang), policies: taskImportPolicy.rowPolicies(req.ctx.actor, head) };
  };
  const answer = { 200: z.object({ data: ImportPreviewView, policies: z.record(z.string(), z.boolean()) }), ...errors };

  app.post(
    '/api/imports/tasks/preview',
    { preValidation: readSheetForm, schema: { tags, consumes: ['multipart/form-data'], body: TaskImportForm, response: answer } },
    async (req) => preview(req, await previewTaskSheet(req.ctx, req.body.planId, files.get(req)!, jobOf(req))),
  );

  // 指标表 and 重点项目表: the same form (the plan they go under, the file), read by the kind's columns.
  for (const kind of ['target', 'project'] as const) {
    app.post(
      `/api/imports/${kind}s/preview`,
      { preValidation: readSheetForm, schema: { tags, consumes: ['multipart/form-data'], body: TaskImportForm, response: answer } },
      async (req) => preview(req, await previewItemSheet(req.ctx, kind, req.body.planId, files.get(req)!, jobOf(req))),
    );
  }

  app.post('/api/imports/plan-text/preview', { schema: { tags, body: PlanTextPreviewBody, response: answer } }, async (req) => {
    authorize(taskImportPolicy.route.preview(req.ctx.actor));
    return preview(req, await previewPlanText(req.ctx, req.body.planId, req.body.text, jobOf(req)));
  });

  app.get('/api/imports/:previewId', { schema: { tags, params: ImportPreviewParams, response: answer } }, async (req) => {
    authorize(taskImportPolicy.route.read(req.ctx.actor));
    return preview(req, req.params.previewId);
  });

  app.patch(
    '/api/imports/:previewId/rows/:line',
    { schema: { tags, params: ImportRowParams, body: ImportRowFix, response: { 200: z.object({ data: z.union([ImportRowView, ItemImportRowView]) }), ...errors } } },
    async (req) => {
      authorize(taskImportPolicy.route.update(req.ctx.actor));
      const { previewId, line } = req.params;
      await fixImportRow(req.ctx, previewId, line, req.body);
      const row = await previewRow(req.ctx.database.db, previewId, line);
      if (!row) throw notFound('import_row');
      return { data: isItemRow(row) ? presentItemRow(row, req.ctx.lang) : presentImportRow(row, req.ctx.lang) };
    },
  );

  app.post(
    '/api/imports/:previewId/commit',
    { schema: { tags, params: ImportPreviewParams, response: { 200: z.object({ data: TaskImportCommitResult }), ...errors } } },
    async (req) => {
      authorize(taskImportPolicy.route.commit(req.ctx.actor));
      const r = await commitImport(req.ctx, req.params.previewId, jobOf(req));
      return { data: { previewId: req.params.previewId, ...r } };
    },
  );
}
