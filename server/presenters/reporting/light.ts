import type { Lang } from '../../../domain/enums.js';
import type { Light, LightReason } from '../../../domain/lights.js';
import { lightReasonText } from '../../../domain/lightText.js';
import type { LineItem } from '../../models/reporting.js';

/** A stored light with its reasons as sentences in the request's language. */
export function presentLight(light: Light, reasons: LightReason[] | null | undefined, lang: Lang) {
  return {
    light,
    lightReasons: (Array.isArray(reasons) ? reasons : []).map((r) => ({ code: r.code, level: r.level, text: lightReasonText(r, lang) })),
  };
}

export type { LineItem } from '../../models/reporting.js';

/** An item as a workbench line (the `due` date is the caller's to choose). */
export function presentWorkItem(item: LineItem, lang: Lang, due: string | null = item.due) {
  return { itemType: item.itemType, itemId: item.itemId, code: item.code, title: item.title, ...presentLight(item.light, item.lightReasons, lang), due };
}
