import { useSearchParams } from 'react-router';

/** The value if the list holds it: a filter read from the address is only ever one of its choices. */
export const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => ((list as readonly string[]).includes(v ?? '') ? (v as T) : undefined);

/**
 * A list's filters kept in the address, so a filtered view can be linked to and survives a reload:
 * the current parameters, and a setter that writes a patch (an empty value removes its key) and
 * goes back to the first page unless the patch names the page.
 */
export function useAddressFilters(): [URLSearchParams, (patch: Record<string, string | undefined>) => void] {
  const [sp, setSp] = useSearchParams();
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(sp);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setSp(next, { replace: true });
  };
  return [sp, set];
}
