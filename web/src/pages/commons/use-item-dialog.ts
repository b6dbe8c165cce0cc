import { useState } from 'react';

/**
 * Which item a dialog is open for (none: closed). `done` closes it and reloads what the item
 * came from, once the dialog changed it:
 * `const upgrade = useItemDialog<Row>(rows.reload)`, `upgrade.open(row)`,
 * `<UpgradeModal row={upgrade.item} onDismiss={upgrade.close} onUpgraded={upgrade.done} />`.
 */
export function useItemDialog<T>(reload: () => void) {
  const [item, setItem] = useState<T>();
  return {
    item,
    open: setItem,
    close: () => setItem(undefined),
    done: () => {
      setItem(undefined);
      reload();
    },
  };
}
