import type { Message } from './message.js';

/** Refusals of uploaded files — archives (.xlsx, .docx, .pptx), a public complaint's attachments — each naming the file. Merged into server/i18n.ts. */
export const FILE_MESSAGES = {
  archive_too_large: {
    'zh-CN': '文件“{file}”解压后超过 {mb} MB，已拒绝',
    'en-US': 'The file “{file}” unpacks to more than {mb} MB; refused',
  },
  archive_too_many_entries: {
    'zh-CN': '文件“{file}”内含超过 {max} 个文件，已拒绝',
    'en-US': 'The file “{file}” holds more than {max} entries; refused',
  },
  archive_ratio: {
    'zh-CN': '文件“{file}”的压缩比超过 {max} 倍，疑似压缩炸弹，已拒绝',
    'en-US': 'The file “{file}” is compressed more than {max} times over, as a zip bomb is; refused',
  },
  archive_mismatch: {
    'zh-CN': '文件“{file}”解压后的大小与其目录记载不符，已拒绝',
    'en-US': 'The file “{file}” unpacks to more than its directory says; refused',
  },
  complaint_file_type: {
    'zh-CN': '附件“{file}”不是图片（JPG、PNG）或 PDF 文件，已拒绝（按文件内容判断，与文件名无关）',
    'en-US': 'The attachment “{file}” is not a photo (JPG, PNG) or a PDF; refused (judged by its content, not its name)',
  },
  complaint_file_too_large: {
    'zh-CN': '附件“{file}”过大：每个附件不能超过 {mb} MB',
    'en-US': 'The attachment “{file}” is too large: each may be at most {mb} MB',
  },
  complaint_too_many_files: {
    'zh-CN': '附件过多：最多 {max} 个',
    'en-US': 'Too many attachments: at most {max}',
  },
} as const satisfies Record<string, Message>;
