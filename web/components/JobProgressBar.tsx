import { Flex, Progress, Typography } from 'antd';
import type { JobBar } from './useJobProgress.js';

/** A long job's bar: what it is doing in words, the percent when known, otherwise a bar that keeps moving. */
export function JobProgressBar({ bar }: { bar: JobBar }) {
  return (
    <Flex vertical gap={4} data-testid="job-progress" data-percent={bar.percent ?? ''} style={{ minWidth: 240, maxWidth: 520 }}>
      <Typography.Text type="secondary" data-testid="job-progress-label">
        {bar.label}
      </Typography.Text>
      {/* antd has no indeterminate bar: an unknown percent shows a full, active (moving) one without a number. */}
      <Progress percent={bar.percent ?? 100} status="active" showInfo={bar.percent !== null} />
    </Flex>
  );
}
