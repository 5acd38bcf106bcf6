import type ExcelJS from 'exceljs';

/**
 * A new exceljs workbook, the package loaded at the first one this process makes: imports and a few
 * exports use it, and imported at start it held ~8 MB of heap in every instance (with its code)
 * whether or not anyone ever sent a workbook; every byte of live heap is paid ~1.6 times at the
 * peak (scripts/buildServer.mjs, SERVER_NODE_FLAGS). The lists' exports write their sheets without it (listWorkbook.ts).
 */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { default: excel } = await import('exceljs');
  return new excel.Workbook();
}
