// The asset form's text fields and the input they become. Money is typed in the asset's
// currency (the shared parser knows each currency's minor units: JPY has none, USD two).
import { minorUnitsToInput, parseMoney, toDateInput } from '@repo/client';
import type { AppRouter } from '@repo/api';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

export type Asset = inferRouterOutputs<AppRouter>['asset']['byId'];
export type AssetCondition = NonNullable<Asset['condition']>;
type AssetInput = inferRouterInputs<AppRouter>['asset']['create'];

export interface AssetForm {
  name: string;
  category: string;
  condition: AssetCondition | null;
  acquiredAt: string;
  purchasePrice: string;
  estimatedValue: string;
  currency: string;
  description: string;
  imageUrls: string;
  tags: string;
}

export function assetFormOf(asset: Asset | null): AssetForm {
  const currency = asset?.currency ?? 'USD';
  const money = (cents: number | null | undefined) =>
    cents == null ? '' : minorUnitsToInput(cents, currency);
  return {
    name: asset?.name ?? '',
    category: asset?.category ?? '',
    condition: asset?.condition ?? null,
    acquiredAt: asset?.acquiredAt ? toDateInput(asset.acquiredAt) : '',
    purchasePrice: money(asset?.purchasePriceCents),
    estimatedValue: money(asset?.estimatedValueCents),
    currency,
    description: asset?.description ?? '',
    imageUrls: asset?.imageUrls.join('\n') ?? '',
    tags: asset?.tags.join(', ') ?? '',
  };
}

export type AssetFormProblems = Partial<
  Record<'purchasePrice' | 'estimatedValue' | 'acquiredAt', string>
>;

/** The create/update input, or the fields that cannot be read. */
export function assetInputOf(
  form: AssetForm,
):
  | { input: Omit<AssetInput, 'metadata'>; problems: null }
  | { input: null; problems: AssetFormProblems } {
  const currency = form.currency.trim().toUpperCase() || 'USD';
  const problems: AssetFormProblems = {};
  const money = (text: string, field: 'purchasePrice' | 'estimatedValue') => {
    if (!text.trim()) return null;
    const cents = parseMoney(text, currency);
    if (cents === null)
      problems[field] = `Enter an amount in ${currency}, like ${minorUnitsToInput(1234, currency)}`;
    return cents;
  };
  const purchasePriceCents = money(form.purchasePrice, 'purchasePrice');
  const estimatedValueCents = money(form.estimatedValue, 'estimatedValue');
  let acquiredAt: Date | null = null;
  if (form.acquiredAt.trim()) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(form.acquiredAt.trim());
    // Noon local time: the day stays the same in every time zone a person travels to.
    acquiredAt = match
      ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12)
      : null;
    if (!acquiredAt || Number.isNaN(acquiredAt.getTime())) problems.acquiredAt = 'Use YYYY-MM-DD';
  }
  if (Object.keys(problems).length > 0) return { input: null, problems };
  return {
    input: {
      name: form.name,
      category: form.category.trim() || null,
      condition: form.condition,
      acquiredAt,
      purchasePriceCents,
      estimatedValueCents,
      currency,
      description: form.description.trim() ? form.description : null,
      imageUrls: form.imageUrls
        .split('\n')
        .map((url) => url.trim())
        .filter(Boolean),
      tags: form.tags
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    },
    problems: null,
  };
}

export const conditionLabel = (condition: string) =>
  condition.replace('_', ' ').replace(/^./, (first) => first.toUpperCase());
