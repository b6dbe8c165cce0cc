import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';

export interface Notice {
  type: 'success' | 'error' | 'info' | 'warning';
  content: ReactNode;
  header?: ReactNode;
}

interface Notifications {
  items: FlashbarProps.MessageDefinition[];
  notify(notice: Notice): void;
  /** Drops the notices given before `time` (epoch ms). */
  clearBefore(time: number): void;
}

const NotificationsContext = createContext<Notifications>({ items: [], notify: () => undefined, clearBefore: () => undefined });

/** The outcome of an action, shown in the flashbar until dismissed or until the user moves on to another page. */
export const useNotifications = (): Pick<Notifications, 'notify'> => useContext(NotificationsContext);

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<FlashbarProps.MessageDefinition[]>([]);
  const notify = useCallback((notice: Notice) => {
    const id = `${Date.now()}-${Math.random()}`;
    const dismiss = () => setItems((list) => list.filter((item) => item.id !== id));
    // One notice at a time: the outcome of the latest action replaces what an earlier one said,
    // so two notices can never contradict each other.
    setItems([{ ...notice, id, dismissible: true, onDismiss: dismiss }]);
  }, []);
  const clearBefore = useCallback((time: number) => setItems((list) => list.filter((item) => givenAt(item) >= time)), []);
  const value = useMemo(() => ({ items, notify, clearBefore }), [items, notify, clearBefore]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

const givenAt = (item: FlashbarProps.MessageDefinition) => Number(String(item.id).split('-')[0]);

/** How long before a page change a notice may be given and still show on the new page ("Saved" then navigate). */
const CARRY_OVER_MS = 2000;

/** Placed in the layout's notifications slot by the shell; on each page change, older notices go. */
export function NotificationsBar() {
  const { items, clearBefore } = useContext(NotificationsContext);
  const { pathname } = useLocation();
  useEffect(() => clearBefore(Date.now() - CARRY_OVER_MS), [pathname, clearBefore]);
  return <Flashbar items={items} />;
}
