// KLECTR: the collection as a grid of cards (first image, name, category, value), filtered by
// category and search and sorted, with the estimated value totalled per category.
import { formatMoney } from '@repo/client';
import { useTRPC } from '@repo/client/react';
import { type AssetOutput, type AssetSort } from '@repo/validators';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { FilterSelect } from '../../components/form-fields';
import { errorMessage } from '../../lib/errors';
import { showToast } from '../../lib/toast';
import { AssetForm } from './asset-form';

const SORTS: { value: AssetSort; label: string }[] = [
  { value: 'createdAt', label: 'Newest' },
  { value: 'name', label: 'Name' },
  { value: 'estimatedValue', label: 'Value' },
  { value: 'acquiredAt', label: 'Acquired' },
];

/** Totals per category and currency, over the assets loaded so far. */
function totalsOf(assets: AssetOutput[]) {
  const totals = new Map<
    string,
    { category: string; currency: string; cents: number; count: number }
  >();
  for (const asset of assets) {
    const category = asset.category ?? 'Uncategorized';
    const key = `${category}|${asset.currency}`;
    const entry = totals.get(key) ?? { category, currency: asset.currency, cents: 0, count: 0 };
    entry.cents += asset.estimatedValueCents ?? 0;
    entry.count++;
    totals.set(key, entry);
  }
  return [...totals.values()].sort((a, b) => b.cents - a.cents);
}

export function AssetsPage() {
  const trpc = useTRPC();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const category = params.get('category') ?? '';
  const q = params.get('q') ?? '';
  const sortParam = params.get('sort');
  const sort = SORTS.some((s) => s.value === sortParam) ? (sortParam as AssetSort) : 'createdAt';
  const setParam = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const list = useInfiniteQuery(
    trpc.asset.list.infiniteQueryOptions(
      {
        ...(category ? { category } : {}),
        ...(q.trim() ? { q: q.trim() } : {}),
        sort,
        order: sort === 'name' ? 'asc' : 'desc',
        limit: 60,
      },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const assets = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const totals = useMemo(() => totalsOf(assets), [assets]);
  // Every category seen so far, so narrowing to one keeps the others selectable.
  const [seen, setSeen] = useState<string[]>([]);
  const categories = useMemo(
    () =>
      [
        ...new Set([
          ...seen,
          ...assets.flatMap((a) => (a.category ? [a.category] : [])),
          ...(category ? [category] : []),
        ]),
      ].sort(),
    [seen, assets, category],
  );
  useEffect(() => {
    if (categories.length !== seen.length) setSeen(categories);
  }, [categories, seen.length]);
  const [editing, setEditing] = useState<AssetOutput | 'new' | null>(null);
  const remove = useMutation(
    trpc.asset.delete.mutationOptions({
      onSettled: () => client.invalidateQueries({ queryKey: trpc.asset.list.pathKey() }),
      onError: (error) =>
        showToast({ message: `Could not delete: ${errorMessage(error)}`, tone: 'error' }),
    }),
  );

  return (
    <section className="page">
      <header className="page-head">
        <h1>Assets</h1>
        <span className="muted">
          {list.isSuccess ? `${assets.length}${list.hasNextPage ? '+' : ''} items` : ''}
        </span>
        <button className="button primary push" onClick={() => setEditing('new')}>
          New asset
        </button>
      </header>
      {totals.length > 0 && (
        <div className="totals" aria-label="Estimated value by category">
          {totals.map((t) => (
            <button
              key={`${t.category}|${t.currency}`}
              className={`total ${category === t.category ? 'active' : ''}`}
              onClick={() => setParam('category', category === t.category ? '' : t.category)}
            >
              <span className="total-label">{t.category}</span>
              <span className="total-value">{formatMoney(t.cents, t.currency)}</span>
              <span className="muted small">
                {t.count} {t.count === 1 ? 'item' : 'items'}
              </span>
            </button>
          ))}
        </div>
      )}
      <div className="filters" role="search">
        <label className="filter-field grow">
          <span className="sr-only">Search assets</span>
          <input
            type="search"
            placeholder="Search assets"
            value={q}
            onChange={(e) => setParam('q', e.target.value)}
          />
        </label>
        <FilterSelect
          label="Category"
          name="Filter by category"
          value={category}
          choices={[
            { value: '', label: 'All categories' },
            ...categories.map((c) => ({ value: c, label: c })),
          ]}
          onChange={(value) => setParam('category', value)}
        />
        <FilterSelect
          label="Sort"
          value={sort}
          choices={SORTS}
          onChange={(value) => setParam('sort', value === 'createdAt' ? '' : value)}
        />
      </div>
      {list.isPending && <p className="muted">Loading assets…</p>}
      {list.isError && (
        <p className="form-error" role="alert">
          Could not load assets: {errorMessage(list.error)}
        </p>
      )}
      {list.isSuccess && assets.length === 0 && (
        <div className="empty">
          <p className="empty-title">
            {category || q ? 'Nothing matches.' : 'Your collection is empty.'}
          </p>
          <p className="muted">Add the first piece with “New asset”.</p>
        </div>
      )}
      <ul className="asset-grid">
        {assets.map((asset) => (
          <li key={asset.id} className="asset-card">
            <button
              className="asset-open"
              onClick={() => setEditing(asset)}
              aria-label={`Edit ${asset.name}`}
            >
              {asset.imageUrls[0] ? (
                <img src={asset.imageUrls[0]} alt="" className="asset-image" loading="lazy" />
              ) : (
                <div className="asset-image placeholder" aria-hidden="true">
                  {asset.name.slice(0, 1).toUpperCase()}
                </div>
              )}
            </button>
            <div className="asset-body">
              <h2 className="asset-name">{asset.name}</h2>
              <p className="muted small">
                {[asset.category, asset.condition?.replace('_', ' ')].filter(Boolean).join(' · ') ||
                  'Uncategorized'}
              </p>
              <div className="asset-money">
                <span className="asset-value">
                  {asset.estimatedValueCents != null
                    ? formatMoney(asset.estimatedValueCents, asset.currency)
                    : '—'}
                </span>
                {asset.purchasePriceCents != null && (
                  <span className="muted small">
                    paid {formatMoney(asset.purchasePriceCents, asset.currency)}
                  </span>
                )}
              </div>
              {asset.tags.length > 0 && (
                <div className="task-meta">
                  {asset.tags.map((tag) => (
                    <span key={tag} className="chip">
                      {tag}
                    </span>
                  ))}
                </div>
              )}
              <button
                className="button ghost danger small"
                onClick={() => remove.mutate({ id: asset.id })}
                aria-label={`Delete ${asset.name}`}
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
      {list.hasNextPage && (
        <div className="center">
          <button
            className="button"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            Load more
          </button>
        </div>
      )}
      {editing && (
        <AssetForm asset={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </section>
  );
}
