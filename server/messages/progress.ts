import type { JobPhase } from '../../domain/progress.js';
import type { Message } from './message.js';

/** A long job's phases as its progress bar names them. */
export const PHASE_LABELS: Record<JobPhase, Message> = {
  receiving: { 'zh-CN': '正在接收文件', 'en-US': 'Receiving the file' },
  parsing: { 'zh-CN': '正在解析表格行', 'en-US': 'Reading the rows' },
  matching: { 'zh-CN': '正在匹配单位', 'en-US': 'Matching units' },
  saving: { 'zh-CN': '正在保存预览', 'en-US': 'Saving the preview' },
  checking: { 'zh-CN': '正在检查预览', 'en-US': 'Checking the preview' },
  inserting: { 'zh-CN': '正在写入数据', 'en-US': 'Writing the rows' },
  reading: { 'zh-CN': '正在读取数据', 'en-US': 'Reading the data' },
  counting: { 'zh-CN': '正在统计行数', 'en-US': 'Counting the rows' },
  writing: { 'zh-CN': '正在生成表格', 'en-US': 'Writing the workbook' },
};

export const PROGRESS_WORDS = {
  job: { 'zh-CN': '任务进度', 'en-US': 'Job progress' },
} as const satisfies Record<string, Message>;

export const PROGRESS_MESSAGES = {
  job_header_invalid: { 'zh-CN': '请求头 X-Tuijin-Job 须为 UUID', 'en-US': 'The X-Tuijin-Job header must be a UUID' },
} as const satisfies Record<string, Message>;
