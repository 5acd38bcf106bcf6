import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../api/auth.js';
import { qk } from '../api/queryKeys.js';

/** The signed-in user (GET /api/me): name, unit, roles, login stage, CSRF token. */
export function useMe() {
  return useQuery({ queryKey: qk.me, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}
