import { Navigate } from 'react-router';
import { roleCodes, useCurrentUser } from '../../auth/CurrentUser.js';

/**
 * Where the installed app opens (the manifest's start_url, /app): the user's own workbench — a
 * unit's 我的工作, a task force's 待审核, the HQ office's desk — and the home page for everyone else.
 */
export function AppStart() {
  const roles = roleCodes(useCurrentUser());
  const to = roles.includes('liaison') || roles.includes('unit_head') ? '/work/unit' : roles.includes('task_force') ? '/work/review' : roles.includes('hq_office') ? '/work/hq' : '/';
  return <Navigate to={to} replace />;
}
