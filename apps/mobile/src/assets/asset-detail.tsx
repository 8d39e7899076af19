// One asset: its images, what it is, and its money in its own currency; edit or delete it.
import { formatDate, formatMoney } from '@repo/client';
import { useTRPC } from '@repo/client/react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { router } from 'expo-router';
import { Image, ScrollView, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { Banner } from '../components/banner';
import { Button } from '../components/button';
import { LoadingScreen } from '../components/loading-screen';
import { colors, font, layout, radius, space } from '../theme/theme';
import { conditionLabel } from './asset-form-state';

export function AssetDetail({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const asset = useQuery(trpc.asset.byId.queryOptions({ id }));
  const remove = useMutation(
    trpc.asset.delete.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries({ queryKey: trpc.asset.list.pathKey() });
        router.back();
      },
    }),
  );
  if (!asset.data) {
    return <LoadingScreen error={asset.error} failed="This asset could not be loaded." />;
  }
  const { data } = asset;
  const money = (cents: number | null) =>
    cents === null ? '—' : formatMoney(cents, data.currency);
  const facts: [string, string][] = [
    ['Category', data.category ?? '—'],
    ['Condition', data.condition ? conditionLabel(data.condition) : '—'],
    ['Acquired', data.acquiredAt ? formatDate(data.acquiredAt) : '—'],
    ['Purchase price', money(data.purchasePriceCents)],
    ['Estimated value', money(data.estimatedValueCents)],
  ];
  return (
    <SafeAreaView style={layout.screen}>
      <ScrollView contentContainerStyle={styles.content}>
        <View style={styles.top}>
          <Button title="Back" variant="secondary" onPress={() => router.back()} />
          <Button
            title="Edit"
            onPress={() => router.push({ pathname: '/assets/edit', params: { id } })}
          />
        </View>
        <Text accessibilityRole="header" style={font.title}>
          {data.name}
        </Text>
        {data.imageUrls.length > 0 ? (
          <ScrollView horizontal contentContainerStyle={{ gap: space.sm }}>
            {data.imageUrls.map((uri, index) => (
              <Image
                key={uri}
                source={{ uri }}
                accessibilityLabel={`${data.name}, image ${index + 1}`}
                style={styles.image}
              />
            ))}
          </ScrollView>
        ) : null}
        <View style={styles.card}>
          {facts.map(([label, value]) => (
            <View key={label} style={styles.fact}>
              <Text style={font.small}>{label}</Text>
              <Text style={font.body}>{value}</Text>
            </View>
          ))}
        </View>
        {data.tags.length > 0 ? <Text style={font.small}>Tags: {data.tags.join(', ')}</Text> : null}
        {data.description ? <Text style={font.body}>{data.description}</Text> : null}
        {remove.error ? <Banner message={`Could not delete: ${remove.error.message}`} /> : null}
        <Button
          title={`Delete ${data.name}`}
          variant="danger"
          busy={remove.isPending}
          onPress={() => remove.mutate({ id })}
        />
      </ScrollView>
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  content: { padding: space.lg, gap: space.md, paddingBottom: space.xxl },
  top: { flexDirection: 'row', justifyContent: 'space-between' },
  image: { width: 240, height: 240, borderRadius: radius.md, backgroundColor: colors.border },
  card: {
    backgroundColor: colors.surface,
    borderRadius: radius.md,
    padding: space.md,
    gap: space.sm,
  },
  fact: { flexDirection: 'row', justifyContent: 'space-between', gap: space.md },
});
