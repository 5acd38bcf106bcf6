import type { Message } from './message.js';

/** Refusals of a task import (a 任务分解表 or a pasted plan), each naming the file or the field. Merged into server/i18n.ts. */
export const IMPORT_MESSAGES = {
  import_not_xlsx: { 'zh-CN': '文件“{file}”不是 .xlsx 工作簿，请在 Excel 中另存为 .xlsx 后导入', 'en-US': 'The file “{file}” is not an .xlsx workbook; save it as .xlsx in Excel and import that' },
  import_legacy_xls: { 'zh-CN': '文件“{file}”是旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后导入', 'en-US': 'The file “{file}” is an old .xls workbook; save it as .xlsx in Excel and import that' },
  import_encrypted: { 'zh-CN': '文件“{file}”设有打开密码，请取消密码保护后再导入', 'en-US': 'The file “{file}” is password-protected; remove the password and import it again' },
  import_macro: { 'zh-CN': '文件“{file}”含有宏，请另存为不含宏的 .xlsx 后导入', 'en-US': 'The file “{file}” contains macros; save it as an .xlsx without macros' },
  import_file_too_large: { 'zh-CN': '文件“{file}”过大：不能超过 {mb} MB', 'en-US': 'The file “{file}” is too large: at most {mb} MB' },
  import_one_file: { 'zh-CN': '一次只能导入一个文件', 'en-US': 'Import one file at a time' },
  import_empty: { 'zh-CN': '文件“{file}”中没有可导入的行', 'en-US': 'The file “{file}” has no rows to import' },
  import_no_header: {
    'zh-CN': '文件“{file}”中找不到表头：需要一行含“重点任务”（或“工作任务”“具体措施”）及“牵头单位”“完成时限”等列名',
    'en-US': 'No header found in “{file}”: a row naming a task column (重点任务, 工作任务 or 具体措施) and another such as 牵头单位 or 完成时限 is needed',
  },
  import_no_header_targets: {
    'zh-CN': '文件“{file}”中找不到指标表的表头：需要一行含“指标名称”及“计量单位”“基期值”“目标值”“责任单位”等列名',
    'en-US': 'No target table header found in “{file}”: a row naming 指标名称 and columns such as 计量单位, 基期值, 目标值 or 责任单位 is needed',
  },
  import_no_header_projects: {
    'zh-CN': '文件“{file}”中找不到重点项目表的表头：需要一行含“项目名称”及“总投资”“建设地点”“责任单位”等列名',
    'en-US': 'No project table header found in “{file}”: a row naming 项目名称 and columns such as 总投资, 建设地点 or 责任单位 is needed',
  },
  import_cell_not_offered: { 'zh-CN': '本表没有可修改的“{cell}”列', 'en-US': 'This table has no column “{cell}” to change' },
  import_too_many_rows: { 'zh-CN': '文件“{file}”超过 {max} 行数据，请分批导入', 'en-US': 'The file “{file}” has more than {max} data rows; import it in parts' },
  import_text_empty: { 'zh-CN': '方案文本中没有带编号的条目（如“一、”“（一）”“1.”），无法生成任务', 'en-US': 'The plan text has no numbered clauses (一、, （一）, 1.) to make tasks of' },
  import_expired: { 'zh-CN': '导入预览已过期（保留 {hours} 小时），请重新上传', 'en-US': 'The import preview has expired (kept {hours} hours); upload again' },
  import_has_errors: { 'zh-CN': '还有 {count} 行有错误，改正后才能导入', 'en-US': '{count} rows still have errors; fix them before importing' },
  import_committed: { 'zh-CN': '该导入已于 {at} 提交，不能重复提交', 'en-US': 'This import was committed at {at} and cannot be committed again' },
  import_unit_not_offered: { 'zh-CN': '本行没有名为“{text}”的单位', 'en-US': 'This row names no unit “{text}”' },
} as const satisfies Record<string, Message>;

export const IMPORT_WORDS = {
  import_preview: { 'zh-CN': '导入预览', 'en-US': 'Import preview' },
  import_row: { 'zh-CN': '导入行', 'en-US': 'Import row' },
} as const satisfies Record<string, Message>;
