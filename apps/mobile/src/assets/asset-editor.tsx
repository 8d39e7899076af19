// Create or edit an asset, with the web form's field names. Prices are typed in the asset's
// currency and shown back through the shared money formatter; an edit carries the updatedAt it
// was loaded from, and a CONFLICT opens the same choice as the task editor.
import { fieldErrorsOf, formatMoney, parseMoney } from '@repo/client';
import { useConflictSave, useTRPC, useTRPCClient } from '@repo/client/react';
import { assetConditions } from '@repo/validators';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { router } from 'expo-router';
import { useState } from 'react';
import { ScrollView, StyleSheet, Text, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';
import { Banner } from '../components/banner';
import { Chip } from '../components/chip';
import { EditorHeader } from '../components/editor-header';
import { LoadingScreen } from '../components/loading-screen';
import { type ConflictField, ConflictDialog } from '../components/conflict-dialog';
import { TextField } from '../components/text-field';
import { colors, font, layout, space } from '../theme/theme';
import {
  type Asset,
  type AssetForm,
  type AssetFormProblems,
  assetFormOf,
  assetInputOf,
  conditionLabel,
} from './asset-form-state';

function conflictFields(mine: AssetForm, saved: Asset): ConflictField[] {
  const theirs = assetFormOf(saved);
  const fields = [
    ['Name', 'name'],
    ['Category', 'category'],
    ['Purchase price', 'purchasePrice'],
    ['Estimated value', 'estimatedValue'],
    ['Description', 'description'],
  ] as const;
  return [
    ...fields.map(([label, key]) => ({ label, mine: mine[key], theirs: theirs[key] })),
    { label: 'Condition', mine: mine.condition ?? '', theirs: theirs.condition ?? '' },
  ];
}

/** A price typed in `currency`, with what will be stored under it: "12.5" in EUR reads "€12.50". */
function MoneyField(props: {
  label: string;
  value: string;
  currency: string;
  onChangeText: (text: string) => void;
  error: string | undefined;
}) {
  const currency = props.currency.trim().toUpperCase() || 'USD';
  const cents = props.value.trim() ? parseMoney(props.value, currency) : null;
  return (
    <>
      <TextField
        label={props.label}
        value={props.value}
        keyboardType="decimal-pad"
        onChangeText={props.onChangeText}
        error={props.error}
      />
      {cents !== null ? <Text style={font.small}>{formatMoney(cents, currency)}</Text> : null}
    </>
  );
}

export function AssetEditor({ id }: { id: string | undefined }) {
  const trpc = useTRPC();
  const asset = useQuery({ ...trpc.asset.byId.queryOptions({ id: id ?? '' }), enabled: !!id });
  if (id && !asset.data) {
    return <LoadingScreen error={asset.error} failed="This asset could not be loaded." />;
  }
  return <AssetFormScreen asset={asset.data ?? null} />;
}

function AssetFormScreen({ asset }: { asset: Asset | null }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const [form, setForm] = useState(() => assetFormOf(asset));
  const [problems, setProblems] = useState<AssetFormProblems>({});
  const set = (patch: Partial<AssetForm>) => setForm((current) => ({ ...current, ...patch }));
  const saver = useConflictSave({
    base: asset?.updatedAt,
    write: (expectedUpdatedAt) => {
      const { input, problems: unreadable } = assetInputOf(form);
      setProblems(unreadable ?? {});
      if (!input) return null;
      return asset
        ? client.asset.update.mutate({ id: asset.id, expectedUpdatedAt, ...input })
        : client.asset.create.mutate(input);
    },
    latest: asset ? () => client.asset.byId.query({ id: asset.id }) : undefined,
    onSaved: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.asset.pathKey() });
      router.back();
    },
  });
  const { error, theirs } = saver;

  const serverFields = fieldErrorsOf(error);
  const fieldError = (name: string) => serverFields[name]?.[0];

  return (
    <SafeAreaView style={layout.screen}>
      <ScrollView contentContainerStyle={styles.content} keyboardShouldPersistTaps="handled">
        <EditorHeader
          title={asset ? 'Edit asset' : 'New asset'}
          saving={saver.saving}
          onSave={() => void saver.save()}
        />
        {error !== null && Object.keys(serverFields).length === 0 ? (
          <Banner message={(error as Error).message} />
        ) : null}
        <TextField
          label="Name"
          value={form.name}
          maxLength={200}
          onChangeText={(name) => set({ name })}
          error={fieldError('name')}
        />
        <TextField
          label="Category"
          value={form.category}
          maxLength={50}
          onChangeText={(category) => set({ category })}
        />
        <Text style={styles.label}>Condition</Text>
        <View style={styles.row}>
          {assetConditions.map((condition) => (
            <Chip
              key={condition}
              label={conditionLabel(condition)}
              selected={form.condition === condition}
              onPress={() => set({ condition: form.condition === condition ? null : condition })}
            />
          ))}
        </View>
        <TextField
          label="Acquired"
          placeholder="YYYY-MM-DD"
          value={form.acquiredAt}
          onChangeText={(acquiredAt) => set({ acquiredAt })}
          error={problems.acquiredAt ?? fieldError('acquiredAt')}
        />
        <TextField
          label="Currency"
          value={form.currency}
          maxLength={3}
          autoCapitalize="characters"
          onChangeText={(currency) => set({ currency })}
          error={fieldError('currency')}
        />
        <MoneyField
          label="Purchase price"
          value={form.purchasePrice}
          currency={form.currency}
          onChangeText={(purchasePrice) => set({ purchasePrice })}
          error={problems.purchasePrice ?? fieldError('purchasePriceCents')}
        />
        <MoneyField
          label="Estimated value"
          value={form.estimatedValue}
          currency={form.currency}
          onChangeText={(estimatedValue) => set({ estimatedValue })}
          error={problems.estimatedValue ?? fieldError('estimatedValueCents')}
        />
        <TextField
          label="Description"
          value={form.description}
          multiline
          onChangeText={(description) => set({ description })}
          style={{ minHeight: 96, textAlignVertical: 'top', paddingTop: space.md }}
        />
        <TextField
          label="Image URLs (one per line, https)"
          value={form.imageUrls}
          multiline
          autoCapitalize="none"
          onChangeText={(imageUrls) => set({ imageUrls })}
          error={fieldError('imageUrls')}
          style={{ minHeight: 72, textAlignVertical: 'top', paddingTop: space.md }}
        />
        <TextField
          label="Tags (comma separated)"
          value={form.tags}
          autoCapitalize="none"
          onChangeText={(tags) => set({ tags })}
          error={fieldError('tags')}
        />
      </ScrollView>
      {theirs ? (
        <ConflictDialog
          what="asset"
          fields={conflictFields(form, theirs)}
          onKeepMine={() => void saver.keepMine()}
          onUseTheirs={() => {
            setForm(assetFormOf(theirs));
            saver.takeTheirs();
          }}
        />
      ) : null}
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  content: { padding: space.lg, gap: space.md, paddingBottom: space.xxl },
  label: { fontSize: 14, fontWeight: '600', color: colors.text },
  row: { flexDirection: 'row', flexWrap: 'wrap', gap: space.sm },
});
