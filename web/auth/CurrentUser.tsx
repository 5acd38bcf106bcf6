import { createContext, useContext } from 'react';
import type { Role } from '../../domain/enums.js';
import type { Me } from '../api/types.js';

/** The signed-in user inside the app shell (the gate has checked the session is at stage 'ok'). */
export const CurrentUserContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser outside the app shell');
  return me;
}

/** The distinct role codes the user holds (a role may be held for several scopes). */
export const roleCodes = (me: Me): Role[] => [...new Set(me.roles.map((r) => r.role))];
