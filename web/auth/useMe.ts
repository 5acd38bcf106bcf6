import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../api/auth.js';
import { qk } from '../api/queryKeys.js';

/** The query of `me`, shared by the hook and the read started at boot (web/routes.tsx). */
export const meQuery = { queryKey: qk.me, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false } as const;

/** The signed-in user (GET /api/me): name, unit, roles, login stage, CSRF token. */
export function useMe() {
  return useQuery(meQuery);
}
