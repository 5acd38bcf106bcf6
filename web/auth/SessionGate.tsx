import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import { ApiError } from '../api/client.js';
import type { Me, SessionStage } from '../api/types.js';
import { FullPageSpin } from '../components/FullPageSpin.js';
import { LoadError } from '../components/LoadError.js';
import { STAGE_PATHS } from './stages.js';
import { useMe } from './useMe.js';

interface Props {
  /** The stage this page finishes; the workbench needs 'ok'. */
  stage: SessionStage;
  children: (me: Me) => ReactNode;
}

/** Shows its children only to a session at the given stage; sends everyone else where they belong. */
export function SessionGate({ stage, children }: Props) {
  const me = useMe();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to="/login" replace />;
    return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (me.data.stage !== stage) return <Navigate to={STAGE_PATHS[me.data.stage]} replace />;
  return <>{children(me.data)}</>;
}
