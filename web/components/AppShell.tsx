import { App as AntApp } from 'antd';
import { SessionGate } from '../auth/SessionGate.js';
import { CurrentUserContext } from '../auth/CurrentUser.js';
import { AppLayout } from './AppLayout.js';

/** Everything behind the login: the session gate, the current user, message/modal context, the layout. */
export function AppShell() {
  return (
    <SessionGate stage="ok">
      {(me) => (
        <CurrentUserContext.Provider value={me}>
          {/* Ant Design's App (message, modal) lives here: the login pages do without its weight. */}
          <AntApp>
            <AppLayout />
          </AntApp>
        </CurrentUserContext.Provider>
      )}
    </SessionGate>
  );
}
