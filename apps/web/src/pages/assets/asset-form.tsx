// Creating or editing an asset: money typed in the asset's currency and sent as minor units,
// images as URLs with previews, tags, and metadata as key/value rows. Edits carry the
// updatedAt they started from; a CONFLICT shows the conflict dialog.
import { formatMoney, minorUnitsToInput, parseMoney, toDateInput } from '@repo/client';
import { useConflictSave, useTRPC, useTRPCClient } from '@repo/client/react';
import { type AssetOutput, assetConditions } from '@repo/validators';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ConflictField } from '../../components/conflict-dialog';
import { EditorModal } from '../../components/editor-modal';
import { fieldErrors } from '../../lib/errors';
import { Field, TextField } from '../../components/form-fields';

interface Props {
  asset: AssetOutput | null;
  onClose: () => void;
}

interface Draft {
  name: string;
  description: string;
  category: string;
  condition: string;
  acquiredAt: string;
  purchasePrice: string;
  estimatedValue: string;
  currency: string;
  imageUrls: string;
  tags: string;
  metadata: { key: string; value: string }[];
}

const conditionLabel = (c: string) => c.replace('_', ' ').replace(/^./, (ch) => ch.toUpperCase());

function draftOf(asset: AssetOutput | null): Draft {
  const currency = asset?.currency ?? 'USD';
  const money = (cents: number | null | undefined) =>
    cents == null ? '' : minorUnitsToInput(cents, currency);
  return {
    name: asset?.name ?? '',
    description: asset?.description ?? '',
    category: asset?.category ?? '',
    condition: asset?.condition ?? '',
    acquiredAt: asset?.acquiredAt ? toDateInput(asset.acquiredAt) : '',
    purchasePrice: money(asset?.purchasePriceCents),
    estimatedValue: money(asset?.estimatedValueCents),
    currency,
    imageUrls: asset?.imageUrls.join('\n') ?? '',
    tags: asset?.tags.join(', ') ?? '',
    metadata: Object.entries(asset?.metadata ?? {}).map(([key, value]) => ({
      key,
      value: typeof value === 'string' ? value : JSON.stringify(value),
    })),
  };
}

export function AssetForm({ asset, onClose }: Props) {
  const trpc = useTRPC();
  const api = useTRPCClient();
  const client = useQueryClient();
  const [draft, setDraft] = useState(() => draftOf(asset));
  const [local, setLocal] = useState<Record<string, string>>({});
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setDetail = (i: number, patch: Partial<Draft['metadata'][number]>) =>
    set({ metadata: draft.metadata.map((row, j) => (j === i ? { ...row, ...patch } : row)) });
  const images = draft.imageUrls
    .split('\n')
    .map((u) => u.trim())
    .filter(Boolean);

  function values() {
    const problems: Record<string, string> = {};
    const money = (text: string, field: string) => {
      if (!text.trim()) return null;
      const cents = parseMoney(text, draft.currency || 'USD');
      if (cents === null) problems[field] = 'Enter an amount like 12.34';
      return cents;
    };
    const purchasePriceCents = money(draft.purchasePrice, 'purchasePriceCents');
    const estimatedValueCents = money(draft.estimatedValue, 'estimatedValueCents');
    setLocal(problems);
    if (Object.keys(problems).length) return null;
    return {
      name: draft.name,
      description: draft.description.trim() ? draft.description : null,
      category: draft.category.trim() ? draft.category.trim() : null,
      condition: (draft.condition || null) as AssetOutput['condition'],
      acquiredAt: draft.acquiredAt ? new Date(`${draft.acquiredAt}T12:00`) : null,
      purchasePriceCents,
      estimatedValueCents,
      currency: draft.currency || 'USD',
      imageUrls: images,
      tags: draft.tags
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
      metadata: Object.fromEntries(
        draft.metadata.filter((row) => row.key.trim()).map((row) => [row.key.trim(), row.value]),
      ),
    };
  }

  const saver = useConflictSave({
    base: asset?.updatedAt,
    write: (expectedUpdatedAt) => {
      const input = values();
      if (!input) return null;
      return asset
        ? api.asset.update.mutate({ id: asset.id, expectedUpdatedAt, ...input })
        : api.asset.create.mutate(input);
    },
    latest: asset ? () => api.asset.byId.query({ id: asset.id }) : undefined,
    onSaved: () => {
      void client.invalidateQueries({ queryKey: trpc.asset.list.pathKey() });
      onClose();
    },
  });
  const { error } = saver;
  const fields = { ...fieldErrors(error), ...local };

  const conflictFields = (theirs: AssetOutput): ConflictField[] => {
    const other = draftOf(theirs);
    return (
      [
        ['Name', 'name'],
        ['Category', 'category'],
        ['Condition', 'condition'],
        ['Purchase price', 'purchasePrice'],
        ['Estimated value', 'estimatedValue'],
        ['Description', 'description'],
      ] as const
    ).map(([label, key]) => ({ label, mine: draft[key], theirs: other[key] }));
  };

  const worth = draft.estimatedValue
    ? parseMoney(draft.estimatedValue, draft.currency || 'USD')
    : null;

  return (
    <EditorModal
      title={asset ? 'Edit asset' : 'New asset'}
      what="asset"
      saver={saver}
      fieldErrors={fieldErrors(error)}
      conflictFields={conflictFields}
      onUseTheirs={() => {
        void client.invalidateQueries({ queryKey: trpc.asset.list.pathKey() });
        onClose();
      }}
      onClose={onClose}
      actions={
        worth !== null && (
          <span className="muted grow">Worth {formatMoney(worth, draft.currency || 'USD')}</span>
        )
      }
    >
      <TextField
        label="Name"
        error={fields.name}
        value={draft.name}
        maxLength={200}
        required
        onChange={(name) => set({ name })}
      />
      <div className="row">
        <TextField
          label="Category"
          value={draft.category}
          maxLength={50}
          onChange={(category) => set({ category })}
          placeholder="e.g. Trading cards"
        />
        <Field label="Condition">
          <select value={draft.condition} onChange={(e) => set({ condition: e.target.value })}>
            <option value="">Not set</option>
            {assetConditions.map((c) => (
              <option key={c} value={c}>
                {conditionLabel(c)}
              </option>
            ))}
          </select>
        </Field>
        <TextField
          label="Acquired"
          error={fields.acquiredAt}
          type="date"
          value={draft.acquiredAt}
          onChange={(acquiredAt) => set({ acquiredAt })}
        />
      </div>
      <div className="row">
        <TextField
          label="Purchase price"
          error={fields.purchasePriceCents}
          inputMode="decimal"
          value={draft.purchasePrice}
          placeholder="0.00"
          onChange={(purchasePrice) => set({ purchasePrice })}
        />
        <TextField
          label="Estimated value"
          error={fields.estimatedValueCents}
          inputMode="decimal"
          value={draft.estimatedValue}
          placeholder="0.00"
          onChange={(estimatedValue) => set({ estimatedValue })}
        />
        <TextField
          label="Currency"
          error={fields.currency}
          className="narrow-input"
          value={draft.currency}
          maxLength={3}
          onChange={(currency) => set({ currency: currency.toUpperCase() })}
        />
      </div>
      <Field label="Description">
        <textarea
          rows={2}
          value={draft.description}
          onChange={(e) => set({ description: e.target.value })}
        />
      </Field>
      <Field label="Image URLs (one per line, https)" error={fields.imageUrls}>
        <textarea
          rows={2}
          value={draft.imageUrls}
          onChange={(e) => set({ imageUrls: e.target.value })}
        />
      </Field>
      {images.length > 0 && (
        <div className="previews">
          {images.slice(0, 8).map((url) => (
            <img key={url} src={url} alt="" className="preview" loading="lazy" />
          ))}
        </div>
      )}
      <TextField
        label="Tags (comma separated)"
        value={draft.tags}
        onChange={(tags) => set({ tags })}
      />
      <fieldset className="metadata">
        <legend>Details</legend>
        {draft.metadata.map((row, i) => (
          <div className="row" key={i}>
            <input
              aria-label={`Detail ${i + 1} name`}
              placeholder="Name"
              value={row.key}
              onChange={(e) => setDetail(i, { key: e.target.value })}
            />
            <input
              aria-label={`Detail ${i + 1} value`}
              placeholder="Value"
              value={row.value}
              onChange={(e) => setDetail(i, { value: e.target.value })}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove detail ${i + 1}`}
              onClick={() => set({ metadata: draft.metadata.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button small"
          onClick={() => set({ metadata: [...draft.metadata, { key: '', value: '' }] })}
        >
          Add detail
        </button>
        {fields.metadata && <small className="field-error">{fields.metadata}</small>}
      </fieldset>
    </EditorModal>
  );
}
