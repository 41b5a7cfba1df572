/** The bell in the header: unread notifications (reminders, returned and accepted reports), newest first. */
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { listNotifications, markNotificationsRead } from '../api/reports';
import { defineMessages } from '../i18n';
import { formatInstant } from '../lib/dates';

const NS = defineMessages('notifications', {
  vi: { title: 'Thông báo', empty: 'Không có thông báo mới', markAll: 'Đánh dấu đã đọc tất cả', open: 'Thông báo ({{count}} chưa đọc)' },
  en: { title: 'Notifications', empty: 'No new notifications', markAll: 'Mark all read', open: 'Notifications ({{count}} unread)' },
});

export function NotificationBell() {
  const { t } = useTranslation(NS);
  const navigate = useNavigate();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const list = useQuery({ queryKey: ['notifications'], queryFn: ({ signal }) => listNotifications({}, signal), refetchInterval: 60_000 });
  const read = useMutation({ mutationFn: markNotificationsRead, onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }) });
  const unread = list.data?.unread ?? 0;
  const content = (
    <div style={{ width: 360, maxWidth: '80vw' }} data-testid="notifications">
      {(list.data?.items.length ?? 0) === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('empty')} /> : (
        <List size="small" dataSource={list.data!.items.slice(0, 20)} renderItem={(n) => (
          <List.Item style={{ cursor: n.link ? 'pointer' : undefined, background: n.readAt ? undefined : '#f0f7ff' }}
            onClick={() => {
              if (!n.readAt) read.mutate([n.id]);
              if (n.link?.startsWith('/app/')) {
                setOpen(false);
                navigate(n.link.slice(4));
              }
            }}>
            <List.Item.Meta title={n.title} description={<><div>{n.body}</div><Typography.Text type="secondary">{formatInstant(n.createdAt)}</Typography.Text></>} />
          </List.Item>
        )} />
      )}
      {unread > 0 && <Button size="small" type="link" onClick={() => read.mutate('all')}>{t('markAll')}</Button>}
    </div>
  );
  return (
    <Popover trigger="click" open={open} onOpenChange={setOpen} title={t('title')} content={content} placement="bottomRight">
      <Button type="text" aria-label={t('open', { count: unread })} data-testid="notification-bell" icon={<Badge count={unread} size="small"><BellOutlined style={{ fontSize: 18 }} /></Badge>} />
    </Popover>
  );
}
