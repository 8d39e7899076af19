import { Tabs } from 'expo-router';
import { type ColorValue, Text } from 'react-native';
import { colors } from '../../theme/theme';

const icon = (glyph: string) =>
  function TabIcon({ color }: { color: ColorValue }) {
    return <Text style={{ color, fontSize: 20 }}>{glyph}</Text>;
  };

export default function SignedInTabs() {
  return (
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
      <Tabs.Screen name="account" options={{ title: 'Account', tabBarIcon: icon('◉') }} />
    </Tabs>
  );
}
