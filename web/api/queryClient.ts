import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.js';
import { qk } from './queryKeys.js';

/** Retries only what may pass on a second try: network trouble and server errors, twice. */
const retry = (count: number, error: unknown) => {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return count < 2;
};

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      // The session went back a stage (e.g. a reset second factor): reload `me`, the gate redirects.
      if (error instanceof ApiError && error.code === 'stage_required') void queryClient.invalidateQueries({ queryKey: qk.me });
    },
  }),
  defaultOptions: {
    queries: { retry, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});
