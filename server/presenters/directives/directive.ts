import type { Directive, DirectiveDetail } from '../../../domain/schemas/directive.js';
import type { DirectiveListRow } from '../../models/directive.js';
import type { TrackedOnSubject } from '../../models/dispatch.js';
import { presentDispatch, type Lateness } from '../dispatch/dispatch.js';

export function presentDirective(r: DirectiveListRow): Directive {
  const d = r.directive;
  return { id: d.id, source: d.source, docNo: d.docNo, title: d.title, receivedOn: d.receivedOn, pointCount: r.pointCount, answeredPointCount: r.answeredPointCount, version: d.version };
}

/** The directive with each point tracked to reply: its units, deadline, light and replies. */
export function presentDirectiveDetail(r: DirectiveListRow, points: TrackedOnSubject[], at: Lateness): DirectiveDetail {
  return {
    ...presentDirective(r),
    body: r.directive.body,
    createdByName: r.createdByName,
    points: points.map((p) => ({ ...presentDispatch(p, at), unitNames: Array.isArray(p.unitNames) ? p.unitNames : [] })),
  };
}
