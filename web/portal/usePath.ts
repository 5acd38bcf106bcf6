import { useEffect, useState } from 'react';

/** The address's path, following links inside the portal without reloading the page. */
export function usePath(): [string, (to: string) => void] {
  const [path, setPath] = useState(() => window.location.pathname);
  useEffect(() => {
    const back = () => setPath(window.location.pathname);
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);
  const go = (to: string) => {
    window.history.pushState(null, '', to);
    setPath(to);
    window.scrollTo(0, 0);
  };
  return [path, go];
}

/** Fetches JSON from a public route: the data, a 404 as `missing`, or an error. */
export function useJson<T>(url: string): { data?: T; missing?: boolean; failed?: boolean } {
  const [state, setState] = useState<{ url: string; data?: T; missing?: boolean; failed?: boolean }>({ url });
  useEffect(() => {
    let live = true;
    fetch(url, { headers: { accept: 'application/json' } })
      .then(async (r) => {
        if (!live) return;
        if (r.status === 404) setState({ url, missing: true });
        else if (!r.ok) setState({ url, failed: true });
        else setState({ url, data: ((await r.json()) as { data: T }).data });
      })
      .catch(() => live && setState({ url, failed: true }));
    return () => {
      live = false;
    };
  }, [url]);
  return state.url === url ? state : {};
}
