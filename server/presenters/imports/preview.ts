import type { Lang } from '../../../domain/enums.js';
import { issueText, type RowIssue } from '../../../domain/imports/issues.js';
import { rowIssues, type ImportRow } from '../../../domain/imports/rows.js';
import type { UnitMatch } from '../../../domain/imports/units.js';
import type { ImportPreviewView, ImportRowView, ItemImportRowView } from '../../../domain/schemas/import.js';
import { isItemRow, itemRowIssues, previewColumns, type AnyImportRow, type ItemImportRow } from '../../../domain/imports/itemRows.js';
import { valueTexts } from '../../../domain/imports/itemValues.js';
import type { PreviewHead } from '../../models/imports.js';

const issue = (lang: Lang) => (i: RowIssue) => ({ field: i.field, ...(i.cell ? { cell: i.cell } : {}), code: i.code, message: issueText(i, lang) });
const match = (m: UnitMatch) => ({ text: m.text, how: m.how, units: m.units.map((u) => ({ unitId: u.unitId, name: u.name })), suggestions: m.suggestions.map((u) => ({ unitId: u.unitId, name: u.name })) });

/** A preview row with its problems worded in the reader's language. */
export function presentImportRow(r: ImportRow, lang: Lang): ImportRowView {
  const { errors, warnings } = rowIssues(r);
  return {
    line: r.line,
    sourceLine: r.sourceLine,
    level: r.level,
    parentLine: r.parentLine,
    code: r.code,
    label: r.label,
    title: r.title,
    description: r.description,
    leadUnit: r.leadUnit && match(r.leadUnit),
    supportUnits: r.supportUnits.map(match),
    deadlineText: r.deadlineText,
    deadlineKind: r.deadline?.deadlineKind ?? null,
    deadline: r.deadline?.deadline ?? null,
    recurrence: r.deadline?.recurrence ?? null,
    reportPeriod: r.deadline?.reportPeriod ?? null,
    errors: errors.map(issue(lang)),
    warnings: warnings.map(issue(lang)),
    unplaced: [...r.unplaced],
  };
}

/** A target or project preview row: each value cell's text, address and reading, its problems worded. */
export function presentItemRow(r: ItemImportRow, lang: Lang): ItemImportRowView {
  const { errors, warnings } = itemRowIssues(r);
  const read = valueTexts(r.kind, r.values);
  const keys = new Set([...Object.keys(r.cells), ...Object.keys(read)]);
  return {
    line: r.line,
    sourceLine: r.sourceLine,
    kind: r.kind,
    code: r.code,
    name: r.name,
    unit: r.unit && match(r.unit),
    area: r.area && { text: r.area.text, areaId: r.area.areaId, name: r.area.name },
    cells: Object.fromEntries([...keys].map((k) => [k, { text: r.cells[k]?.text ?? '', address: r.cells[k]?.address ?? '', value: read[k] ?? null }])),
    errors: errors.map(issue(lang)),
    warnings: warnings.map(issue(lang)),
  };
}

/** A whole preview: its head, counts of rows with errors and warnings, and every row (tasks in `rows`, targets or projects in `items`). */
export function presentImportPreview(p: PreviewHead, rows: readonly AnyImportRow[], lang: Lang): ImportPreviewView {
  const items = rows.filter(isItemRow);
  const shown = rows.filter((r): r is ImportRow => !isItemRow(r)).map((r) => presentImportRow(r, lang));
  const itemRows = items.map((r) => presentItemRow(r, lang));
  const all = [...shown, ...itemRows];
  return {
    previewId: p.id,
    planId: p.planId,
    kind: p.kind as ImportPreviewView['kind'],
    fileName: p.fileName,
    sha256: p.sha256,
    expiresAt: p.expiresAt.toISOString(),
    committedAt: p.committedAt?.toISOString() ?? null,
    preamble: [...p.preamble],
    counts: { rows: all.length, errors: all.filter((r) => r.errors.length).length, warnings: all.filter((r) => r.warnings.length).length },
    rows: shown,
    columns: items.length ? previewColumns(items[0]!.kind, items) : [],
    items: itemRows,
  };
}
