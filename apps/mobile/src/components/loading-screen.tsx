import { ActivityIndicator, StyleSheet } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { colors, space } from '../theme/theme';
import { Banner } from './banner';

/** A screen whose row is not here yet: a spinner while it loads, `failed` once it could not. */
export function LoadingScreen({ error, failed }: { error: unknown; failed: string }) {
  return (
    <SafeAreaView style={styles.center}>
      {error ? <Banner message={failed} /> : <ActivityIndicator color={colors.primary} />}
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  center: { flex: 1, alignItems: 'center', justifyContent: 'center', padding: space.xl },
});
