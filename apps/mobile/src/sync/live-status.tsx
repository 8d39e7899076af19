// The live-sync status a person can read (Live / Reconnecting / Offline), like the web app's top
// bar. The stream is held once by the signed-in layout; screens show its status from context.
import { type SyncStatus } from '@repo/client';
import { syncStatusLabel } from '@repo/client/react';
import { createContext, useContext } from 'react';
import { StyleSheet, Text, View } from 'react-native';
import { colors, radius, space } from '../theme/theme';

export const LiveSyncContext = createContext<SyncStatus>('stopped');

const dotColor: Record<SyncStatus, string> = {
  live: colors.success,
  connecting: colors.priority.medium,
  reconnecting: colors.priority.medium,
  offline: colors.muted,
  stopped: colors.muted,
};

export function LiveStatus() {
  const status = useContext(LiveSyncContext);
  return (
    <View role="status" style={styles.pill}>
      <View style={[styles.dot, { backgroundColor: dotColor[status] }]} />
      <Text style={styles.label}>{syncStatusLabel[status]}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  pill: {
    flexDirection: 'row',
    alignItems: 'center',
    gap: space.xs,
    paddingHorizontal: space.sm,
    paddingVertical: 2,
    borderRadius: radius.pill,
    backgroundColor: colors.surface,
    borderWidth: 1,
    borderColor: colors.border,
  },
  dot: { width: 8, height: 8, borderRadius: 4 },
  label: { fontSize: 12, fontWeight: '600', color: colors.muted },
});
