import type { ReactNode } from 'react';
import { Card } from 'antd';

/** A page's frame: title, actions on the right (they wrap under the title on a phone). */
export function PageCard({ title, extra, children, testId }: { title: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card className="page-card" data-testid={testId} title={<span style={{ whiteSpace: 'normal' }}>{title}</span>} extra={extra} styles={{ header: { paddingBlock: 8 } }}>
      {children}
    </Card>
  );
}

/** Style for a filter control in a wrapping row: bounded on a desktop; global.css lets it fill a phone's width. */
export const filterStyle = (basis = 180): React.CSSProperties => ({ flex: `1 1 ${basis}px`, maxWidth: `max(${basis * 1.6}px, var(--filter-max, 0px))` });
