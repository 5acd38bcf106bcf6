import type { Message } from './message.js';

/** Refusals of uploaded archives (.xlsx, .docx, .pptx), each naming the file. Merged into server/i18n.ts. */
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
} as const satisfies Record<string, Message>;
