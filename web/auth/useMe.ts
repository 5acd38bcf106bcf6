import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../api/auth.js';

export const ME_KEY = ['me'] as const;

/** The signed-in user (GET /api/me): name, unit, roles, login stage, CSRF token. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });
}
