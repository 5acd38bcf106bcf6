import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ErrorBody, IdParams, itemResponse, listResponse, OkBody } from '../../domain/schemas/common.js';
import { ImportCommitResult, ImportPreview, ResetPasswordResult, User, UserCreate, UserListQuery, UserUpdate, VersionBody } from '../../domain/schemas/users.js';
import type { App } from '../app.js';
import type { Executor } from '../db/client.js';
import { commitImport, previewImport } from '../commands/importUsers.js';
import { createUser, updateUser } from '../commands/saveUser.js';
import { resetPassword, resetTotp, setUserDisabled, unlockUser } from '../commands/userAccess.js';
import { AppError, notFound } from '../errors.js';
import { authorize } from '../policies/actor.js';
import { userPolicy } from '../policies/user.js';
import { presentUser } from '../presenters/user.js';
import { currentSecurityPolicy } from '../queries/settings.js';
import { pendingRolesOf } from '../queries/roleProposals.js';
import { findUser, listUsers, lockedUsers, rolesOf, unitName } from '../queries/users.js';
import { readUpload, type Upload } from '../uploads.js';
import { importTemplate } from '../xlsx/userImport.js';
import { scopeOf } from '../queries/regionScope.js';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function present(db: Executor, id: string) {
  const u = await findUser(db, id);
  if (!u) throw notFound('user');
  const [roles, name, locked, pending] = await Promise.all([
    rolesOf(db, [id]),
    unitName(db, u.unitId),
    lockedUsers(db, [u], await currentSecurityPolicy(db)),
    pendingRolesOf(db, [id]),
  ]);
  return presentUser(u, name, roles, locked.has(id), pending.get(id));
}

/** The uploaded .xlsx (field `file`), size-limited by the multipart plugin. */
async function uploadedSheet(req: FastifyRequest): Promise<Upload> {
  const file = await readUpload(req);
  if (!file.name.toLowerCase().endsWith('.xlsx')) throw new AppError(415, 'unsupported_media');
  return file;
}

export default function userRoutes(app: App) {
  const policies = (req: FastifyRequest) => userPolicy.routePolicies(req.ctx.actor);

  app.get('/api/users', { schema: { tags: ['users'], querystring: UserListQuery, response: { 200: listResponse(User), ...errors } } }, async (req) => {
    authorize(userPolicy.route.read(req.ctx.actor));
    const db = req.ctx.database.db;
    const { page, perPage, ...filter } = req.query;
    const { rows, total } = await listUsers(db, scopeOf(req.ctx.actor), filter, page, perPage);
    const list = rows.map((r) => r.user);
    const ids = list.map((u) => u.id);
    const [roles, locked, pending] = await Promise.all([rolesOf(db, ids), lockedUsers(db, list, await currentSecurityPolicy(db)), pendingRolesOf(db, ids)]);
    return {
      data: rows.map((r) => presentUser(r.user, r.unitName, roles, locked.has(r.user.id), pending.get(r.user.id))),
      page: { page, perPage, total },
      policies: policies(req),
    };
  });

  app.get('/api/users/:id', { schema: { tags: ['users'], params: IdParams, response: { 200: itemResponse(User), ...errors } } }, async (req) => {
    authorize(userPolicy.route.read(req.ctx.actor));
    return { data: await present(req.ctx.database.db, req.params.id), policies: policies(req) };
  });

  app.post(
    '/api/users',
    { schema: { tags: ['users'], body: UserCreate, response: { 200: itemResponse(User).extend({ initialPassword: z.string() }), ...errors } } },
    async (req) => {
      authorize(userPolicy.route.create(req.ctx.actor));
      const { user, initialPassword } = await createUser(req.ctx, req.body);
      return { data: await present(req.ctx.database.db, user.id), initialPassword, policies: policies(req) };
    },
  );

  app.patch('/api/users/:id', { schema: { tags: ['users'], params: IdParams, body: UserUpdate, response: { 200: itemResponse(User), ...errors } } }, async (req) => {
    authorize(userPolicy.route.update(req.ctx.actor));
    await updateUser(req.ctx, req.params.id, req.body);
    return { data: await present(req.ctx.database.db, req.params.id), policies: policies(req) };
  });

  for (const [action, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    app.post(
      `/api/users/:id/${action}`,
      { schema: { tags: ['users'], params: IdParams, body: VersionBody, response: { 200: itemResponse(User), ...errors } } },
      async (req) => {
        // Whose account this actor may disable or enable depends on it (an admin's is the secadmin's): the command decides.
        authorize(userPolicy.route[action](req.ctx.actor) || userPolicy.route[action === 'disable' ? 'disableAdmin' : 'enableAdmin'](req.ctx.actor));
        await setUserDisabled(req.ctx, req.params.id, req.body.version, disabled);
        return { data: await present(req.ctx.database.db, req.params.id), policies: policies(req) };
      },
    );
  }

  app.post(
    '/api/users/:id/reset-password',
    { schema: { tags: ['users'], params: IdParams, body: VersionBody, response: { 200: ResetPasswordResult, ...errors } } },
    async (req) => {
      // Whose password this actor may reset depends on the account (an admin's is the secadmin's): the command decides.
      authorize(userPolicy.route.resetPassword(req.ctx.actor) || userPolicy.route.resetAdminPassword(req.ctx.actor));
      return { data: await resetPassword(req.ctx, req.params.id, req.body.version) };
    },
  );

  app.post('/api/users/:id/unlock', { schema: { tags: ['users'], params: IdParams, response: { 200: OkBody, ...errors } } }, async (req) => {
    authorize(userPolicy.route.unlock(req.ctx.actor));
    await unlockUser(req.ctx, req.params.id);
    return { ok: true as const };
  });

  app.post('/api/users/:id/reset-totp', { schema: { tags: ['users'], params: IdParams, response: { 200: OkBody, ...errors } } }, async (req) => {
    authorize(userPolicy.route.resetTotp(req.ctx.actor));
    await resetTotp(req.ctx, req.params.id);
    return { ok: true as const };
  });

  app.get('/api/users/import/template', { schema: { tags: ['users'] } }, async (req, reply) => {
    authorize(userPolicy.route.import(req.ctx.actor));
    reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="user-import-template.xlsx"`);
    return reply.send(await importTemplate());
  });

  app.post('/api/users/import/preview', { schema: { tags: ['users'], consumes: ['multipart/form-data'], response: { 200: ImportPreview, ...errors } } }, async (req) => {
    authorize(userPolicy.route.import(req.ctx.actor));
    const rows = await previewImport(req.ctx.database.db, await uploadedSheet(req), req.ctx.lang);
    const invalid = rows.filter((r) => r.errors.length).length;
    return { data: { rows: rows.map(({ input: _i, ...r }) => r), valid: rows.length - invalid, invalid } };
  });

  app.post('/api/users/import', { schema: { tags: ['users'], consumes: ['multipart/form-data'], response: { 200: ImportCommitResult, ...errors } } }, async (req) => {
    authorize(userPolicy.route.import(req.ctx.actor));
    const accounts = await commitImport(req.ctx, await uploadedSheet(req));
    return { data: { created: accounts.length, accounts } };
  });
}
