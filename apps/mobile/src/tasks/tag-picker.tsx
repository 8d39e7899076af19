// The editor's tags: one checkbox chip per tag of the person's, named by the tag, as the web
// app's tag picker. Nothing shows until there are tags (they are made on the Tags tab).
import type { TagOutput } from '@repo/validators';
import { StyleSheet, Text, View } from 'react-native';
import { Chip } from '../components/chip';
import { colors, space } from '../theme/theme';

export function TagPicker({
  tags,
  value,
  onChange,
}: {
  tags: readonly TagOutput[];
  value: readonly number[];
  onChange: (tagIds: number[]) => void;
}) {
  if (tags.length === 0) return null;
  return (
    <View style={styles.wrap}>
      <Text style={styles.label}>Tags</Text>
      <View style={styles.row}>
        {tags.map((tag) => {
          const picked = value.includes(tag.id);
          return (
            <Chip
              key={tag.id}
              checkbox
              label={tag.name}
              selected={picked}
              onPress={() =>
                onChange(picked ? value.filter((id) => id !== tag.id) : [...value, tag.id])
              }
            />
          );
        })}
      </View>
    </View>
  );
}

/** The picked tags by name, for the conflict dialog. */
export const tagNamesOf = (tags: readonly TagOutput[], ids: readonly number[]): string =>
  tags
    .filter((tag) => ids.includes(tag.id))
    .map((tag) => tag.name)
    .sort()
    .join(', ');

const styles = StyleSheet.create({
  wrap: { gap: space.sm },
  label: { fontSize: 14, fontWeight: '600', color: colors.text },
  row: { flexDirection: 'row', flexWrap: 'wrap', gap: space.sm },
});
