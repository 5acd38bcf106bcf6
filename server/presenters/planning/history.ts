import type { Lang } from '../../../domain/enums.js';
import { historyText, type HistoryEvent } from '../../../domain/itemHistory.js';

export function presentHistory(e: HistoryEvent, lang: Lang) {
  return { at: e.at.toISOString(), kind: e.kind, actorName: e.actorName, text: historyText(e, lang) };
}
