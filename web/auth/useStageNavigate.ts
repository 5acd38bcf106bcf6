import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { SessionStage } from '../api/types.js';
import { STAGE_PATHS } from './stages.js';
import { qk } from '../api/queryKeys.js';

/** After a login step: forget the old `me` (its stage is stale) and go where the new stage leads. */
export function useStageNavigate() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (stage: SessionStage) => {
      await queryClient.invalidateQueries({ queryKey: qk.me });
      if (stage === 'ok') queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== qk.me[0] });
      navigate(STAGE_PATHS[stage], { replace: true });
    },
    [navigate, queryClient],
  );
}
