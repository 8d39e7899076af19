import type { ReactNode } from 'react';
import { Text, View } from 'react-native';
import { LiveStatus } from '../sync/live-status';
import { font, layout } from '../theme/theme';

/** A tab's top row: its name, the live-sync status, then the tab's own action (`children`). */
export function TabHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <View style={layout.header}>
      <Text accessibilityRole="header" style={font.title}>
        {title}
      </Text>
      <LiveStatus />
      {children}
    </View>
  );
}
