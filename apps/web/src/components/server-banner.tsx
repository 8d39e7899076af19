import { useSyncExternalStore } from 'react';
import { getServerTrouble, subscribeServerTrouble } from '../lib/server-trouble';

export function ServerBanner() {
  const trouble = useSyncExternalStore(subscribeServerTrouble, getServerTrouble);
  if (!trouble) return null;
  return (
    <div className="banner" role="alert">
      {trouble}
    </div>
  );
}
