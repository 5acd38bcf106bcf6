import type { Lang } from '../../../domain/enums.js';
import { issueText, type RowIssue } from '../../../domain/imports/issues.js';
import { rowIssues, type ImportRow } from '../../../domain/imports/rows.js';
import type { UnitMatch } from '../../../domain/imports/units.js';
import type { ImportPreviewView, ImportRowView } from '../../../domain/schemas/import.js';
import type { PreviewHead } from '../../models/imports.js';

const issue = (lang: Lang) => (i: RowIssue) => ({ field: i.field, code: i.code, message: issueText(i, lang) });
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

/** A whole preview: its head, counts of rows with errors and warnings, and every row. */
export function presentImportPreview(p: PreviewHead, rows: readonly ImportRow[], lang: Lang): ImportPreviewView {
  const shown = rows.map((r) => presentImportRow(r, lang));
  return {
    previewId: p.id,
    planId: p.planId,
    kind: p.kind as ImportPreviewView['kind'],
    fileName: p.fileName,
    sha256: p.sha256,
    expiresAt: p.expiresAt.toISOString(),
    committedAt: p.committedAt?.toISOString() ?? null,
    preamble: [...p.preamble],
    counts: { rows: shown.length, errors: shown.filter((r) => r.errors.length).length, warnings: shown.filter((r) => r.warnings.length).length },
    rows: shown,
  };
}
