import Flashbar, { type FlashbarProps } from '@cloudscape-design/components/flashbar';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface Notice {
  type: 'success' | 'error' | 'info' | 'warning';
  content: ReactNode;
  header?: ReactNode;
}

interface Notifications {
  items: FlashbarProps.MessageDefinition[];
  notify(notice: Notice): void;
}

const NotificationsContext = createContext<Notifications>({ items: [], notify: () => undefined });

/** The outcome of an action, shown in the flashbar at the top of every page until dismissed. */
export const useNotifications = (): Pick<Notifications, 'notify'> => useContext(NotificationsContext);

export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<FlashbarProps.MessageDefinition[]>([]);
  const notify = useCallback((notice: Notice) => {
    const id = `${Date.now()}-${Math.random()}`;
    const dismiss = () => setItems((list) => list.filter((item) => item.id !== id));
    setItems((current) => [{ ...notice, id, dismissible: true, onDismiss: dismiss }, ...current.slice(0, 4)]);
  }, []);
  const value = useMemo(() => ({ items, notify }), [items, notify]);
  return <NotificationsContext.Provider value={value}>{children}</NotificationsContext.Provider>;
}

/** Placed in the layout's notifications slot by the shell. */
export function NotificationsBar() {
  const { items } = useContext(NotificationsContext);
  return <Flashbar items={items} stackItems={items.length > 2} />;
}
