// The signed-in world: its tabs, and the live-sync stream, held here so it lives exactly as long
// as the session (the tabs show its status).
import { Tabs } from 'expo-router';
import { type ColorValue, Text } from 'react-native';
import { LiveSyncContext } from '../../sync/live-status';
import { useLiveSync } from '../../sync/use-live-sync';
import { colors } from '../../theme/theme';

const icon = (glyph: string) =>
  function TabIcon({ color }: { color: ColorValue }) {
    return <Text style={{ color, fontSize: 20 }}>{glyph}</Text>;
  };

export default function SignedInTabs() {
  const status = useLiveSync();
  return (
    <LiveSyncContext.Provider value={status}>
      <Tabs
        screenOptions={{
          headerShown: false,
          tabBarActiveTintColor: colors.primary,
          tabBarInactiveTintColor: colors.muted,
          tabBarStyle: { backgroundColor: colors.surface, borderTopColor: colors.border },
          sceneStyle: { backgroundColor: colors.background },
        }}
      >
        <Tabs.Screen name="tasks" options={{ title: 'Tasks', tabBarIcon: icon('☑') }} />
        <Tabs.Screen name="tags" options={{ title: 'Tags', tabBarIcon: icon('#') }} />
        <Tabs.Screen name="assets" options={{ title: 'Assets', tabBarIcon: icon('▦') }} />
        <Tabs.Screen name="account" options={{ title: 'Account', tabBarIcon: icon('◉') }} />
      </Tabs>
    </LiveSyncContext.Provider>
  );
}
