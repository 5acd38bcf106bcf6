import { NOTICE_COLOUR_WORDS, noticeName, type NoticeColour, type NoticeKind } from '../../domain/notices.js';
import { officialDocx } from './officialDocument.js';

/** The colour a notice's mark is printed in. */
const INK: Record<NoticeColour, string> = { blue: '0050B3', yellow: 'D48806', red: 'CF1322' };

export interface NoticeDoc {
  kind: NoticeKind;
  colour: NoticeColour;
  issuer: string;
  docNumber: string;
  unitName: string;
  content: string;
  note: string;
  issuedOn: string;
}

/** 催办单/督办单 as a .docx: the official layout, its colour and kind in the title and a coloured mark. */
export function noticeDocx(n: NoticeDoc): Promise<Buffer> {
  const name = noticeName(n.kind, n.colour);
  return officialDocx({
    issuer: n.issuer,
    docNumber: n.docNumber,
    title: name.slice(NOTICE_COLOUR_WORDS[n.colour].length),
    mark: { text: `【${name}】`, colour: INK[n.colour] },
    addressee: n.unitName,
    preamble: [n.content, ...(n.note.trim() ? [n.note] : [])],
    sections: [],
    date: n.issuedOn,
    cc: '',
    printer: n.issuer,
  });
}
