import { useState } from 'react';
import { Button, Input, Space } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/useI18n.js';

/** A box for a tracking code that opens its status page. */
export function TrackingLookup({ initial = '' }: { initial?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [code, setCode] = useState(initial);
  const go = () => {
    const c = code.trim();
    if (c) navigate(`/public/complaint/${encodeURIComponent(c)}`);
  };
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        aria-label={t('complaint.trackingCode')}
        placeholder="abcd-efgh-jkmn"
        value={code}
        maxLength={40}
        autoCapitalize="off"
        autoComplete="off"
        onChange={(e) => setCode(e.target.value)}
        onPressEnter={go}
        data-testid="tracking-input"
      />
      <Button type="primary" onClick={go} data-testid="tracking-go">
        {t('complaint.lookup')}
      </Button>
    </Space.Compact>
  );
}
