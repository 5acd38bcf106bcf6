import { useState } from 'react';
import { Card, DatePicker, Flex, Statistic } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { getFigures } from '../../api/oversight.js';
import { qk } from '../../api/queryKeys.js';
import { isoDay, todayInZone } from '../../format.js';
import { useI18n } from '../../i18n/useI18n.js';

/** 遏增清存 for a period (this year to date unless chosen): new against closed, the stock at both ends. */
export function FiguresCard() {
  const { t } = useI18n();
  const today = todayInZone();
  const [range, setRange] = useState<[string, string]>([`${today.slice(0, 4)}-01-01`, today]);
  const q = useQuery({ queryKey: qk.oversight.figures(...range), queryFn: () => getFigures(...range) });
  const f = q.data?.data;
  const stat = (key: 'opened' | 'closed' | 'stockAtStart' | 'stockAtEnd') => (
    <Statistic title={t(`oversight.figures.${key}`)} value={f?.[key] ?? '–'} data-testid={`figures-${key}`} />
  );
  return (
    <Card
      size="small"
      title={t('oversight.figures')}
      data-testid="oversight-figures"
      extra={
        <DatePicker.RangePicker
          size="small"
          allowClear={false}
          value={[dayjs(range[0]), dayjs(range[1])]}
          onChange={(v) => {
            const [a, b] = (v ?? []) as [Dayjs | null, Dayjs | null];
            if (a && b) setRange([isoDay(a)!, isoDay(b)!]);
          }}
          aria-label={t('oversight.figures.period')}
        />
      }
    >
      <Flex wrap gap={32}>
        {stat('opened')}
        {stat('closed')}
        {stat('stockAtStart')}
        {stat('stockAtEnd')}
      </Flex>
    </Card>
  );
}
