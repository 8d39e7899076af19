import { StyleSheet, Text, View } from 'react-native';
import { colors, font, space } from '../theme/theme';

/** A build made without EXPO_PUBLIC_API_URL: say so, instead of failing on the first request. */
export function MissingApiUrl() {
  return (
    <View style={styles.screen}>
      <Text accessibilityRole="header" style={font.heading}>
        No server configured
      </Text>
      <Text style={styles.body}>
        This build does not know where its server is. Build it again with EXPO_PUBLIC_API_URL set to
        the server&apos;s address, for example EXPO_PUBLIC_API_URL=https://api.example.com.
      </Text>
    </View>
  );
}

const styles = StyleSheet.create({
  screen: {
    flex: 1,
    justifyContent: 'center',
    padding: space.xl,
    gap: space.md,
    backgroundColor: colors.background,
  },
  body: { ...font.body, color: colors.muted, lineHeight: 22 },
});
