// The task list: a keyset-paged FlatList (more pages as you scroll, pull to refresh), quick add
// at the top, a checkbox per task, long-press to delete with a few seconds to undo, filters in
// a sheet. Writes made offline show as "Waiting to sync" rows until the queue replays.
import { useTRPC } from '@repo/client/react';
import { useInfiniteQuery, useMutationState } from '@tanstack/react-query';
import { router } from 'expo-router';
import { useMemo, useState } from 'react';
import {
  ActivityIndicator,
  FlatList,
  Pressable,
  RefreshControl,
  StyleSheet,
  Text,
  View,
} from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { Banner } from '../components/banner';
import { TabHeader } from '../components/tab-header';
import { usePullToRefresh } from '../components/use-pull-to-refresh';
import { colors, font, layout, radius, space } from '../theme/theme';
import { FiltersSheet } from './filters-sheet';
import { QuickAddField } from './quick-add-field';
import { defaultTaskFilters, listInput } from './task-filters';
import { type Task, taskMutationKeys, useToggleTask } from './task-mutations';
import { TaskRow } from './task-row';
import { UndoBar } from './undo-bar';
import { useDeleteWithUndo } from './use-delete-with-undo';
import { useQuickAdd } from './use-quick-add';

export const TASK_PAGE_SIZE = 20;

export function TasksScreen() {
  const trpc = useTRPC();
  const [filters, setFilters] = useState(defaultTaskFilters);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const list = useInfiniteQuery(
    trpc.task.list.infiniteQueryOptions(listInput(filters, TASK_PAGE_SIZE), {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
    }),
  );
  const { add, create } = useQuickAdd();
  /** A quick add whose new tag could not be made (offline, say): its line is back in the field. */
  const [addError, setAddError] = useState<string | null>(null);
  const toggle = useToggleTask();
  const deletion = useDeleteWithUndo();

  // Toggles not yet answered flip the box at once (an even number cancels out).
  const pendingToggles = useMutationState({
    filters: { mutationKey: taskMutationKeys.toggleComplete, status: 'pending' },
    select: (mutation) => (mutation.state.variables as { id: number }).id,
  });
  const pendingCreates = useMutationState({
    filters: { mutationKey: taskMutationKeys.create, status: 'pending' },
    select: (mutation) => (mutation.state.variables as { title: string }).title,
  });

  const tasks = useMemo(
    () =>
      (list.data?.pages.flatMap((page) => page.items) ?? []).filter(
        (task) => !deletion.isHidden(task),
      ),
    [list.data, deletion],
  );
  const completedNow = (task: Task) =>
    pendingToggles.filter((id) => id === task.id).length % 2 === 1
      ? !task.completed
      : task.completed;

  const { refreshing, refresh } = usePullToRefresh(() => list.refetch());

  const submit = async (line: string) => {
    setAddError(null);
    try {
      await add(line);
    } catch (error) {
      setAddError(`Could not add the task: ${(error as Error).message}`);
      throw error;
    }
  };

  const addFailure = addError ?? create.error?.message;

  const filtered =
    filters.status !== 'all' || filters.priority.length > 0 || filters.sort !== 'createdAt';

  return (
    <SafeAreaView style={layout.screen} edges={['top']}>
      <TabHeader title="Tasks">
        <Pressable
          accessibilityRole="button"
          accessibilityLabel="Filters"
          onPress={() => setFiltersOpen(true)}
          style={[styles.filterButton, filtered && styles.filterButtonActive]}
        >
          <Text style={[styles.filterLabel, filtered && { color: colors.onPrimary }]}>
            Filters{filtered ? ' •' : ''}
          </Text>
        </Pressable>
      </TabHeader>
      <QuickAddField onSubmit={submit} />
      {addFailure ? (
        <View style={styles.inset}>
          <Banner message={addFailure} />
        </View>
      ) : null}
      {list.error && !list.data ? (
        <View style={styles.inset}>
          <Banner message="Could not load your tasks. Pull down to try again." />
        </View>
      ) : null}
      <FlatList
        data={tasks}
        keyExtractor={(task) => String(task.id)}
        renderItem={({ item }) => (
          <TaskRow
            task={item}
            completed={completedNow(item)}
            onToggle={() => toggle.mutate({ id: item.id })}
            onOpen={() => router.push({ pathname: '/tasks/[id]', params: { id: String(item.id) } })}
            onDelete={() => deletion.remove(item)}
          />
        )}
        ListHeaderComponent={
          pendingCreates.length > 0 ? (
            <View>
              {pendingCreates.map((title, index) => (
                <View key={`${title}-${index}`} style={styles.pendingRow}>
                  <Text style={styles.pendingTitle}>{title}</Text>
                  <Text style={font.small}>Waiting to sync</Text>
                </View>
              ))}
            </View>
          ) : null
        }
        ListEmptyComponent={
          list.isPending ? (
            <ActivityIndicator style={{ marginTop: space.xxl }} color={colors.primary} />
          ) : (
            <View style={styles.empty}>
              <Text style={font.heading}>{filtered ? 'No matching tasks' : 'Nothing to do'}</Text>
              <Text style={font.small}>
                {filtered ? 'Try other filters.' : 'Add your first task above.'}
              </Text>
            </View>
          )
        }
        ListFooterComponent={
          list.isFetchingNextPage ? (
            <ActivityIndicator style={{ margin: space.lg }} color={colors.primary} />
          ) : null
        }
        onEndReached={() => {
          if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
        }}
        onEndReachedThreshold={0.5}
        // A whole page at once: the rows are light, and a page is what one request brings.
        initialNumToRender={TASK_PAGE_SIZE}
        refreshControl={
          <RefreshControl refreshing={refreshing} onRefresh={refresh} tintColor={colors.primary} />
        }
        testID="task-list"
        contentContainerStyle={{ paddingTop: space.sm, paddingBottom: 96 }}
      />
      {deletion.pending ? (
        <UndoBar message={`Deleted “${deletion.pending.title}”`} onUndo={() => deletion.undo()} />
      ) : null}
      <FiltersSheet
        visible={filtersOpen}
        filters={filters}
        onChange={setFilters}
        onClose={() => setFiltersOpen(false)}
      />
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  filterButton: {
    paddingHorizontal: space.md,
    paddingVertical: space.sm,
    borderRadius: radius.pill,
    backgroundColor: colors.surface,
    borderWidth: 1,
    borderColor: colors.border,
  },
  filterButtonActive: { backgroundColor: colors.primary, borderColor: colors.primary },
  filterLabel: { fontSize: 14, fontWeight: '600', color: colors.text },
  inset: { paddingHorizontal: space.lg, paddingBottom: space.sm },
  pendingRow: {
    marginHorizontal: space.lg,
    marginBottom: space.sm,
    padding: space.md,
    borderRadius: radius.md,
    borderWidth: 1,
    borderStyle: 'dashed',
    borderColor: colors.border,
    gap: 2,
  },
  pendingTitle: { ...font.body, color: colors.muted },
  empty: { alignItems: 'center', gap: space.xs, marginTop: space.xxl },
});
