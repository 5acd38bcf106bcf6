import { App as AntApp, ConfigProvider, theme as antTheme } from 'antd';
import { CurrentUserContext, roleCodes } from '../../auth/CurrentUser.js';
import { SessionGate } from '../../auth/SessionGate.js';
import { Forbidden } from '../../components/Forbidden.js';
import { ScreenPage } from './ScreenPage.js';

/** Who may put the big screen up: those who read the whole district (as the dashboard). */
export const SCREEN_ROLES = ['leader', 'hq_office', 'inspector', 'assessor'] as const;

/** 大屏 outside the app's layout (no menu, no header), dark, for a room's display; signed in as usual. */
export function ScreenShell() {
  return (
    <SessionGate stage="ok">
      {(me) => (
        <CurrentUserContext.Provider value={me}>
          <ConfigProvider theme={{ algorithm: antTheme.darkAlgorithm }}>
            <AntApp>{roleCodes(me).some((r) => (SCREEN_ROLES as readonly string[]).includes(r)) ? <ScreenPage /> : <Forbidden />}</AntApp>
          </ConfigProvider>
        </CurrentUserContext.Provider>
      )}
    </SessionGate>
  );
}
