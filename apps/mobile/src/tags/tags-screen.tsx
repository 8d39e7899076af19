// Tags: create, rename, delete, with the web app's names ("Tag name", "Add tag", "Name of …",
// "Delete"). Tasks embed their tags, so every change refreshes the task lists too.
import { TAG_PALETTE, fieldErrorsOf } from '@repo/client';
import { useTRPC } from '@repo/client/react';
import type { TagOutput } from '@repo/validators';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FlatList, Pressable, StyleSheet, Text, TextInput, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { Banner } from '../components/banner';
import { Button } from '../components/button';
import { TabHeader } from '../components/tab-header';
import { TextField } from '../components/text-field';
import { colors, font, layout, radius, space } from '../theme/theme';

function useRefreshTags() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.tag.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.task.list.pathKey() }),
    ]);
}

export function TagsScreen() {
  const trpc = useTRPC();
  const tags = useQuery(trpc.tag.list.queryOptions());
  const refresh = useRefreshTags();
  const create = useMutation(trpc.tag.create.mutationOptions({ onSettled: refresh }));
  const [name, setName] = useState('');
  const [color, setColor] = useState<string>(TAG_PALETTE[0]);
  const add = () => {
    if (!name.trim()) return;
    create.mutate({ name: name.trim(), color }, { onSuccess: () => setName('') });
  };
  const nameError = create.error
    ? (fieldErrorsOf(create.error).name?.[0] ?? create.error.message)
    : undefined;

  return (
    <SafeAreaView style={layout.screen} edges={['top']}>
      <TabHeader title="Tags" />
      <View style={styles.form}>
        <TextField
          label="Tag name"
          value={name}
          maxLength={50}
          onChangeText={setName}
          onSubmitEditing={add}
          error={nameError}
        />
        <View style={styles.palette} accessibilityRole="radiogroup" accessibilityLabel="Color">
          {TAG_PALETTE.map((swatch) => (
            <Pressable
              key={swatch}
              accessibilityRole="radio"
              accessibilityLabel={swatch}
              accessibilityState={{ checked: swatch === color }}
              onPress={() => setColor(swatch)}
              style={[
                styles.swatch,
                { backgroundColor: swatch },
                swatch === color && styles.swatchChosen,
              ]}
            />
          ))}
        </View>
        <Button title="Add tag" busy={create.isPending} onPress={add} />
      </View>
      <FlatList
        data={tags.data ?? []}
        keyExtractor={(tag) => String(tag.id)}
        renderItem={({ item }) => <TagRow tag={item} />}
        ListEmptyComponent={
          tags.isPending ? null : (
            <View style={styles.empty}>
              <Text style={font.heading}>No tags yet.</Text>
              <Text style={font.small}>
                Tags group tasks: add one here, or type #name in a new task.
              </Text>
            </View>
          )
        }
        contentContainerStyle={{ paddingBottom: 96 }}
      />
    </SafeAreaView>
  );
}

function TagRow({ tag }: { tag: TagOutput }) {
  const trpc = useTRPC();
  const refresh = useRefreshTags();
  const [name, setName] = useState(tag.name);
  const update = useMutation(trpc.tag.update.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.tag.delete.mutationOptions({ onSettled: refresh }));
  const rename = () => {
    const next = name.trim();
    if (next && next !== tag.name) update.mutate({ id: tag.id, name: next });
  };
  const failure = update.error ?? remove.error;
  return (
    <View style={styles.row}>
      <View style={styles.rowLine}>
        <View style={[styles.dot, { backgroundColor: tag.color ?? colors.muted }]} />
        <TextInput
          accessibilityLabel={`Name of ${tag.name}`}
          value={name}
          maxLength={50}
          onChangeText={setName}
          onSubmitEditing={rename}
          onBlur={rename}
          returnKeyType="done"
          style={styles.rowInput}
        />
        <Button
          title="Delete"
          variant="danger"
          busy={remove.isPending}
          onPress={() => remove.mutate({ id: tag.id })}
        />
      </View>
      {failure ? <Banner message={`Could not save the tag: ${failure.message}`} /> : null}
    </View>
  );
}

const styles = StyleSheet.create({
  form: { paddingHorizontal: space.lg, paddingBottom: space.lg, gap: space.md },
  palette: { flexDirection: 'row', gap: space.sm },
  swatch: { width: 32, height: 32, borderRadius: 16 },
  swatchChosen: { borderWidth: 3, borderColor: colors.text },
  row: {
    marginHorizontal: space.lg,
    marginBottom: space.sm,
    padding: space.md,
    borderRadius: radius.md,
    backgroundColor: colors.surface,
    gap: space.sm,
  },
  rowLine: { flexDirection: 'row', alignItems: 'center', gap: space.md },
  dot: { width: 12, height: 12, borderRadius: 6 },
  rowInput: { flex: 1, fontSize: 16, color: colors.text, paddingVertical: space.sm },
  empty: { alignItems: 'center', gap: space.xs, marginTop: space.xxl, paddingHorizontal: space.xl },
});
