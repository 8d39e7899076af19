// Assets: a two-column grid of cards (first image, name, estimated value in the asset's own
// currency), paged like the task list; a card opens the detail, "New asset" the form.
import { formatMoney } from '@repo/client';
import { useTRPC } from '@repo/client/react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { router } from 'expo-router';
import { FlatList, Image, Pressable, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { Banner } from '../components/banner';
import { Button } from '../components/button';
import { TabHeader } from '../components/tab-header';
import { usePullToRefresh } from '../components/use-pull-to-refresh';
import { colors, font, layout, radius, space } from '../theme/theme';
import { type Asset, conditionLabel } from './asset-form-state';

export const ASSET_PAGE_SIZE = 20;

export function AssetsScreen() {
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.asset.list.infiniteQueryOptions(
      { limit: ASSET_PAGE_SIZE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const assets = list.data?.pages.flatMap((page) => page.items) ?? [];
  const { refreshing, refresh } = usePullToRefresh(() => list.refetch());

  return (
    <SafeAreaView style={layout.screen} edges={['top']}>
      <TabHeader title="Assets">
        <Button title="New asset" onPress={() => router.push('/assets/edit')} />
      </TabHeader>
      {list.error && !list.data ? (
        <View style={styles.inset}>
          <Banner message="Could not load your assets. Pull down to try again." />
        </View>
      ) : null}
      <FlatList
        data={assets}
        numColumns={2}
        keyExtractor={(asset) => asset.id}
        columnWrapperStyle={{ gap: space.md }}
        contentContainerStyle={styles.grid}
        renderItem={({ item }) => <AssetCard asset={item} />}
        onEndReached={() => {
          if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
        }}
        onEndReachedThreshold={0.5}
        refreshing={refreshing}
        onRefresh={refresh}
        ListEmptyComponent={
          list.isPending ? null : (
            <View style={styles.empty}>
              <Text style={font.heading}>No assets yet</Text>
              <Text style={font.small}>Add the first piece of your collection.</Text>
            </View>
          )
        }
      />
    </SafeAreaView>
  );
}

function AssetCard({ asset }: { asset: Asset }) {
  const image = asset.imageUrls[0];
  const details = [asset.category, asset.condition && conditionLabel(asset.condition)]
    .filter(Boolean)
    .join(' · ');
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={asset.name}
      onPress={() => router.push({ pathname: '/assets/[id]', params: { id: asset.id } })}
      style={styles.card}
    >
      {image ? (
        <Image source={{ uri: image }} style={styles.image} accessibilityIgnoresInvertColors />
      ) : (
        <View style={[styles.image, styles.placeholder]}>
          <Text style={styles.initial}>{asset.name.slice(0, 1).toUpperCase()}</Text>
        </View>
      )}
      <View style={styles.cardBody}>
        <Text style={styles.name} numberOfLines={2}>
          {asset.name}
        </Text>
        {details ? <Text style={font.small}>{details}</Text> : null}
        {asset.estimatedValueCents !== null ? (
          <Text style={styles.value}>{formatMoney(asset.estimatedValueCents, asset.currency)}</Text>
        ) : null}
      </View>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  inset: { paddingHorizontal: space.lg, paddingBottom: space.sm },
  grid: { padding: space.lg, gap: space.md, paddingBottom: 96 },
  card: { flex: 1, backgroundColor: colors.surface, borderRadius: radius.md, overflow: 'hidden' },
  image: { width: '100%', aspectRatio: 1, backgroundColor: colors.border },
  placeholder: { alignItems: 'center', justifyContent: 'center' },
  initial: { fontSize: 40, fontWeight: '700', color: colors.muted },
  cardBody: { padding: space.md, gap: 2 },
  name: { fontSize: 15, fontWeight: '600', color: colors.text },
  value: { fontSize: 14, fontWeight: '600', color: colors.primary },
  empty: { alignItems: 'center', gap: space.xs, marginTop: space.xxl },
});
