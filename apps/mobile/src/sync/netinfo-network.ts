// The sync stream's online signal on a phone: NetInfo, the same source onlineManager uses.
import NetInfo, { type NetInfoState } from '@react-native-community/netinfo';
import type { NetworkStatus } from '@repo/client';

/** isInternetReachable is null until NetInfo has probed: trust isConnected until then. */
export const isOnline = (state: Pick<NetInfoState, 'isConnected' | 'isInternetReachable'>) =>
  state.isConnected === true && state.isInternetReachable !== false;

export function createNetInfoNetwork(): NetworkStatus {
  // Online until NetInfo says otherwise: its first report comes right after subscribing.
  let online = true;
  return {
    isOnline: () => online,
    subscribe(listener) {
      return NetInfo.addEventListener((state) => {
        const next = isOnline(state);
        if (next === online) return;
        online = next;
        listener(online);
      });
    },
  };
}
