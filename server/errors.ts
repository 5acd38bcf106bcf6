/** An error the user caused or may see: HTTP status, stable code, message parameters, per-field messages. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly params: Record<string, string | number> = {},
    readonly fields?: Record<string, string>,
    readonly extra?: Record<string, string>,
  ) {
    super(code);
  }
}

export const notFound = (entity: string) => new AppError(404, 'not_found', { entity: `@${entity}` });
export const forbidden = () => new AppError(403, 'forbidden');
export const versionConflict = () => new AppError(409, 'version_conflict');
export const unauthenticated = () => new AppError(401, 'unauthenticated');
