import { useEffect, useState } from 'react';
import { Button } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { LIMITS } from '../../domain/limits.js';
import { useI18n } from '../i18n/useI18n.js';
import { DownloadButton } from './DownloadButton.js';

/** The rows a printout holds: one page of the list at its largest (the whole list is the export's job). */
export const PRINT_ROWS = LIMITS.perPageMax;

/**
 * 导出 and 打印 for a list: the workbook with the list's filters (whoever reads the list may take it
 * away; its progress shown while the server writes it), and the print view (A4 landscape, global.css) of up to PRINT_ROWS rows: the list is reloaded
 * at that page size first, and the browser's print dialog opens once those rows have arrived.
 */
export function ListOutputs({
  exportUrl,
  testId,
  perPage,
  loading,
  showAll,
}: {
  exportUrl?: string | undefined;
  testId: string;
  perPage: number;
  loading: boolean;
  showAll: () => void;
}) {
  const { t } = useI18n();
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (!printing || loading || perPage < PRINT_ROWS) return;
    setPrinting(false);
    // After the rows have been painted.
    requestAnimationFrame(() => window.print());
  }, [printing, loading, perPage]);
  return (
    <>
      {exportUrl && (
        <DownloadButton href={exportUrl} testId={`${testId}-export`}>
          {t('list.export')}
        </DownloadButton>
      )}
      <Button
        icon={<PrinterOutlined />}
        data-testid={`${testId}-print`}
        onClick={() => {
          if (perPage < PRINT_ROWS) showAll();
          setPrinting(true);
        }}
      >
        {t('list.print')}
      </Button>
    </>
  );
}
