import { useEffect } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, useNavigate } from 'react-router';
import { setUnauthorizedHandler } from './api/client.js';
import { queryClient } from './api/queryClient.js';
import { I18nProvider } from './i18n/I18nProvider.js';
import { AppRoutes } from './routes.js';

/** A 401 from any call ends the session in the browser too: go to /login (saying why when it expired or was ended for wrong current passwords). */
function UnauthorizedRedirect() {
  const navigate = useNavigate();
  useEffect(() => {
    setUnauthorizedHandler((error) => {
      // Cached data is dropped at the next login (LoginPage), not here: the gate still observes it.
      if (window.location.pathname !== '/login') {
        // These two say why the session ended; any other 401 needs no words.
        const why = error.code === 'session_expired' || error.code === 'password_guesses_exceeded';
        navigate('/login', { replace: true, state: { notice: why ? error.message : null } });
      }
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate]);
  return null;
}

/** Providers (data, language, Ant Design, router) around the routes. */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <BrowserRouter>
          <UnauthorizedRedirect />
          <AppRoutes />
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  );
}
