import { useMemo, useState } from 'react';
import { Alert, App, Button, Calendar, Flex, Form, Input, Radio, Select, Statistic, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { shanghaiDate } from '../../../domain/calendar/days.js';
import { WorkdayCalendar } from '../../../domain/calendar/workdays.js';
import { LIMITS } from '../../../domain/limits.js';
import { deleteCalendarOverride, listCalendarOverrides, saveCalendarOverride, type CalendarOverride } from '../../api/calendar.js';
import { can } from '../../api/types.js';
import { FormModal } from '../../components/FormModal.js';
import { LoadError } from '../../components/LoadError.js';
import { PageCard } from '../../components/PageCard.js';
import { useIsMobile } from '../../components/useIsMobile.js';
import { useI18n } from '../../i18n/useI18n.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { qk } from '../../api/queryKeys.js';
import type { z } from 'zod';
import type { CalendarOverrideBody } from '../../../domain/schemas/calendar.js';

type Values = Omit<z.input<typeof CalendarOverrideBody>, 'version'>;

const iso = (d: Dayjs) => d.format('YYYY-MM-DD');

/**
 * 工作日历: the bundled statutory holidays and 调休 with the district's own changes. Deadlines and
 * lights count workdays on it, so a year whose schedule is not bundled must be entered here.
 */
export function CalendarPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const mobile = useIsMobile();
  const queryClient = useQueryClient();
  const thisYear = Number(shanghaiDate(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const [month, setMonth] = useState<Dayjs>(() => dayjs(shanghaiDate(new Date())));
  const [editing, setEditing] = useState<string | null>(null);
  const overrides = useQuery({ queryKey: qk.calendar.year(year), queryFn: () => listCalendarOverrides(year) });

  const list = useMemo(() => overrides.data?.data ?? [], [overrides.data]);
  const byDate = useMemo(() => new Map(list.map((o) => [o.date, o])), [list]);
  // The same rules the server applies: bundled schedule, then local changes on top.
  const cal = useMemo(() => new WorkdayCalendar(new Map(list.map((o) => [o.date, o.workday]))), [list]);
  const bundled = useMemo(() => new WorkdayCalendar(), []);
  const mayEdit = can(overrides.data?.policies, 'update');
  const current: CalendarOverride | undefined = editing ? byDate.get(editing) : undefined;
  // Stable while the modal is open: FormModal re-applies initial values whenever they change.
  const initialValues = useMemo<Values>(
    () => (current ? { workday: current.workday, note: current.note } : { workday: editing ? !bundled.isWorkday(editing) : true, note: '' }),
    [current, editing, bundled],
  );

  if (overrides.isError) return <LoadError error={overrides.error} onRetry={() => void overrides.refetch()} />;

  const refresh = () => queryClient.invalidateQueries({ queryKey: qk.calendar.year(year) });
  const submit = async (v: Values) => {
    await saveCalendarOverride(editing!, { workday: v.workday, note: v.note ?? '', ...(current ? { version: current.version } : {}) });
    void message.success(t('calendar.saved'));
    await refresh();
  };
  const remove = async (date: string) => {
    await deleteCalendarOverride(date);
    void message.success(t('calendar.removed'));
    setEditing(null);
    await refresh();
  };
  const pickYear = (y: number) => {
    setYear(y);
    setMonth(month.year(y));
  };

  /** On a phone the month is a compact grid: the day number itself is coloured (red off, blue 调休 at work). */
  const compactCell = (d: Dayjs) => {
    const date = iso(d);
    const work = cal.isWorkday(date);
    const weekend = d.day() === 0 || d.day() === 6;
    const special = byDate.has(date) || work === weekend;
    const inMonth = d.month() === month.month();
    const style: React.CSSProperties = special
      ? { background: work ? '#e6f0ff' : '#fde8e8', color: work ? '#1d4ed8' : '#c81e1e', fontWeight: 600, borderRadius: 4 }
      : { color: work ? undefined : '#999' };
    return (
      <div className="ant-picker-cell-inner" style={{ ...style, opacity: inMonth ? 1 : 0.4 }} data-testid={special ? `calendar-${date}` : undefined}>
        {d.date()}
      </div>
    );
  };

  const cell = (d: Dayjs) => {
    const date = iso(d);
    const work = cal.isWorkday(date);
    const weekend = d.day() === 0 || d.day() === 6;
    const local = byDate.has(date);
    // An ordinary weekend is only greyed; statutory holidays, 调休 workdays and local changes are tagged.
    if (!local && work !== weekend) return work ? null : <Typography.Text type="secondary">{t('calendar.rest')}</Typography.Text>;
    return (
      <Flex gap={2} wrap>
        <Tag color={work ? 'blue' : 'red'} style={{ marginInlineEnd: 0 }} data-testid={`calendar-${date}`}>
          {work ? t('calendar.work') : t('calendar.rest')}
        </Tag>
        {local && (
          <Tag color="gold" style={{ marginInlineEnd: 0 }}>
            {t('calendar.local')}
          </Tag>
        )}
      </Flex>
    );
  };

  const years = Array.from({ length: 5 }, (_, i) => thisYear - 1 + i);
  return (
    <PageCard
      title={t('calendar.title')}
      testId="calendar-page"
      extra={
        <Select
          value={year}
          onChange={pickYear}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          style={{ width: 110 }}
          aria-label={t('calendar.year')}
          data-testid="calendar-year"
        />
      }
    >
      <Flex vertical gap={16}>
        <Flex gap={24} wrap align="center">
          <div data-testid="calendar-workdays">
            <Statistic title={t('calendar.workdays', { year })} value={t('calendar.days', { count: cal.workdaysBetween(`${year}-01-01`, `${year}-12-31`) })} />
          </div>
          <div style={{ flex: '1 1 320px' }}>
            {WorkdayCalendar.published(year) ? (
              <Alert type="success" showIcon message={t('calendar.published', { year })} />
            ) : (
              <Alert type="warning" showIcon message={t('calendar.unpublished', { year, last: WorkdayCalendar.lastPublishedYear })} data-testid="calendar-unpublished" />
            )}
          </div>
        </Flex>
        {mayEdit && <Typography.Text type="secondary">{t('calendar.clickHint')}</Typography.Text>}
        <Calendar
          value={month}
          onPanelChange={(d) => {
            setMonth(d);
            if (d.year() !== year) setYear(d.year());
          }}
          onSelect={(d, info) => {
            setMonth(d);
            if (info.source === 'date' && mayEdit) setEditing(iso(d));
          }}
          fullscreen={!mobile}
          {...(mobile
            ? { fullCellRender: (d: Dayjs, info: { type: string; originNode: React.ReactElement }) => (info.type === 'date' ? compactCell(d) : info.originNode) }
            : { cellRender: (d: Dayjs, info: { type: string; originNode: React.ReactElement }) => (info.type === 'date' ? cell(d) : info.originNode) })}
          validRange={[dayjs(`${years[0]}-01-01`), dayjs(`${years[years.length - 1]}-12-31`)]}
        />
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('calendar.overrides')}
        </Typography.Title>
        <ResponsiveTable<CalendarOverride>
          rowKey="date"
          size="small"
          loading={overrides.isPending}
          dataSource={list}
          pagination={false}
          locale={{ emptyText: t('calendar.noOverrides') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('calendar.date'), dataIndex: 'date' },
            { title: t('calendar.kind'), dataIndex: 'workday', render: (w: boolean) => <Tag color={w ? 'blue' : 'red'}>{w ? t('calendar.workday') : t('calendar.restday')}</Tag> },
            { title: t('calendar.note'), dataIndex: 'note' },
            {
              title: t('common.actions'),
              key: 'actions',
              render: (_, o) =>
                mayEdit && (
                  <Flex gap={4}>
                    <Button type="link" size="small" onClick={() => setEditing(o.date)}>
                      {t('common.edit')}
                    </Button>
                    <Button type="link" size="small" danger onClick={() => void remove(o.date)}>
                      {t('calendar.remove')}
                    </Button>
                  </Flex>
                ),
            },
          ]}
        />
      </Flex>
      {editing && (
        <FormModal<Values>
          title={t('calendar.edit', { date: editing })}
          initialValues={initialValues}
          fieldNames={['workday', 'note']}
          submit={submit}
          onClose={() => setEditing(null)}
          testId="calendar-modal"
        >
          <Form.Item name="workday" label={t('calendar.kind')} rules={[{ required: true, message: t('common.required', { field: t('calendar.kind') }) }]}>
            <Radio.Group
              options={[
                { value: true, label: t('calendar.workday') },
                { value: false, label: t('calendar.restday') },
              ]}
            />
          </Form.Item>
          <Form.Item name="note" label={t('calendar.note')}>
            <Input maxLength={LIMITS.name} placeholder={t('calendar.notePlaceholder')} />
          </Form.Item>
          {current && (
            <Button danger onClick={() => void remove(current.date)} data-testid="calendar-remove">
              {t('calendar.remove')}
            </Button>
          )}
        </FormModal>
      )}
    </PageCard>
  );
}
