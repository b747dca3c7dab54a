import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import {
  assetPathsCsv,
  pathCounts,
  searchAssets,
  type AssetPath,
  type AssetView,
} from '@/lib/domain/asset-paths';
import { catalogue } from '@/lib/domain/i18n';
import { assetTypeWords, taskWords } from '@/lib/domain/lexicon';
import type { UiLocale } from '@/lib/domain/locales';
import {
  businessLabel,
  filterOverview,
  overviewFilters,
  overviewSorts,
  readKinds,
  sortOverview,
  type OverviewFilter,
  type OverviewRow,
  type OverviewSort,
} from '@/lib/domain/overview';
import type { TaskKey } from '@/lib/domain/snapshot';
import { useApi } from './api';
import { download } from './download';
import { kindName } from './page-words';
import { useRefusal } from './refusal';
import { VirtualList } from './virtual-list';

/** A row's height before it is measured (px): four lines of text. */
const BUSINESS_ROW = 104;
/** An asset's height before it is measured: its head and three paths. */
const ASSET_ROW = 150;

const taskName = (locale: UiLocale, task: TaskKey) =>
  taskWords.find((w) => w.concept === task)?.words[locale][0] ?? task;

const BusinessItem = memo(function BusinessItem({
  row,
  locale,
  day,
  open,
  assetsHref,
}: {
  row: OverviewRow;
  locale: UiLocale;
  day: Intl.DateTimeFormat;
  open: (businessId: string) => void;
  assetsHref: string | undefined;
}) {
  const words = catalogue(locale);
  const t = words.overview;
  const { high, medium, low } = row.findings;
  return (
    <>
      <div className="business-head">
        {/* The name, once read, is page text: React text only. */}
        <span className="business-label">{t.business(businessLabel(row))}</span>
        <span className="business-counts">{t.counts(row.principals, row.assets)}</span>
      </div>
      <div className="business-facts">
        {high + medium + low === 0 ? (
          <span className="tag">{t.noFindings}</span>
        ) : (
          (['high', 'medium', 'low'] as const).map((s) =>
            row.findings[s] > 0 ? (
              <span key={s} className={`tag severity-${s}`} data-severity={s}>
                {row.findings[s]} {t.severities[s]}
              </span>
            ) : null,
          )
        )}
        {row.unrecorded > 0 ? (
          <span className="tag tag-alert" data-unrecorded={row.unrecorded}>
            {t.unrecorded(row.unrecorded, row.unrecordedFullControl)}
          </span>
        ) : null}
        {row.due > 0 ? <span className="tag tag-due">{t.due(row.due)}</span> : null}
        {row.openRuns > 0 ? <span className="tag">{t.openRuns(row.openRuns)}</span> : null}
        {row.openReviews > 0 ? (
          row.openReview ? (
            <a
              className="tag"
              data-open-reviews={row.openReviews}
              href={`/review.html?campaign=${encodeURIComponent(row.openReview)}`}
            >
              {t.openReviews(row.openReviews)}
            </a>
          ) : (
            <span className="tag" data-open-reviews={row.openReviews}>
              {t.openReviews(row.openReviews)}
            </span>
          )
        ) : null}
      </div>
      <div className="business-reads">
        {words.panel.label(t.lastRead)}
        {readKinds
          .map((kind) => {
            const at = row.lastRead[kind];
            const name = kind === 'asset' ? t.assetPage : kindName(locale, kind);
            return `${name}: ${at ? day.format(new Date(at)) : t.neverRead}`;
          })
          .join(' · ')}
      </div>
      <div className="business-actions">
        <button type="button" data-open-business={row.businessId} onClick={() => open(row.businessId)}>
          {t.openSettings}
        </button>
        {assetsHref ? (
          <a href={assetsHref} data-assets-link={row.businessId}>
            {t.assetsLink}
          </a>
        ) : null}
      </div>
    </>
  );
});

export interface OverviewPageProps {
  /** The business whose assets the address names; none: the overview of every business. */
  businessId?: string | undefined;
  /** The asset the address names (its key), searched for in the asset view. */
  asset?: string | undefined;
  /** The address of a business's asset view, or of the overview (no business). */
  pageUrl?: (businessId?: string, asset?: string) => string;
  now?: () => Date;
}

/**
 * The overview of every business Scopekeeper has seen (issue 15, item 2), ranked by risk, filtered and
 * searched, each a click from its Business Settings; or, for one business, every path to each of its assets
 * (item 3). Only unframed extension pages may ask for these (lib/domain/protocol.ts `unframedOnly`).
 */
export function OverviewPage({ businessId, asset, pageUrl, now = () => new Date() }: OverviewPageProps) {
  return businessId ? (
    <AssetsView businessId={businessId} asset={asset} pageUrl={pageUrl} now={now} />
  ) : (
    <BusinessesView pageUrl={pageUrl} />
  );
}

function BusinessesView({ pageUrl }: Pick<OverviewPageProps, 'pageUrl'>) {
  const { ask, locale } = useApi();
  const t = catalogue(locale).overview;
  const [rows, setRows] = useState<OverviewRow[] | undefined>();
  const [sort, setSort] = useState<OverviewSort>('risk');
  const [filter, setFilter] = useState<OverviewFilter>('all');
  const [query, setQuery] = useState('');
  const refusal = useRefusal(locale);
  const openRefusal = useRefusal(locale);
  const check = refusal.check;
  const checkOpen = openRefusal.check;
  const [notOpened, setNotOpened] = useState(false);

  useEffect(() => {
    let live = true;
    void ask('overview', {}).then((reply) => {
      if (!live) return;
      check(reply);
      if (reply.ok) setRows(reply.value.businesses);
    });
    return () => {
      live = false;
    };
  }, [ask, check]);

  const sorted = useMemo(() => (rows ? sortOverview(rows, sort) : []), [rows, sort]);
  const shown = useMemo(() => filterOverview(sorted, filter, query), [sorted, filter, query]);
  const day = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale]);
  const open = useCallback(
    (id: string) => {
      void ask('openTarget', { businessId: id }).then((reply) => {
        checkOpen(reply);
        setNotOpened(reply.ok && !reply.value.opened);
      });
    },
    [ask, checkOpen],
  );
  const itemKey = useCallback((r: OverviewRow) => r.businessId, []);
  const itemAttributes = useCallback(
    (r: OverviewRow) => ({
      className: 'business',
      'data-business': r.businessId,
      'data-high': String(r.findings.high),
    }),
    [],
  );

  let body: React.ReactNode;
  if (refusal.shown) body = refusal.shown;
  else if (!rows) body = <p aria-busy="true">{t.loading}</p>;
  else if (rows.length === 0) body = <p data-empty="">{t.none}</p>;
  else
    body = (
      <>
        <div className="toolbar">
          <label>
            {t.sort}{' '}
            <select name="sort" value={sort} onChange={(e) => setSort(e.target.value as OverviewSort)}>
              {overviewSorts.map((s) => (
                <option key={s} value={s}>
                  {t.sorts[s]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.filter}{' '}
            <select
              name="filter"
              value={filter}
              onChange={(e) => setFilter(e.target.value as OverviewFilter)}
            >
              {overviewFilters.map((f) => (
                <option key={f} value={f}>
                  {t.filters[f]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.search}{' '}
            <input type="search" name="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
        </div>
        <p className="counts" data-counts="" aria-live="polite">
          {t.shown(shown.length, rows.length)}
        </p>
        {openRefusal.shown}
        {notOpened ? <p role="alert">{t.notOpened}</p> : null}
        {shown.length === 0 ? (
          <p data-no-match="">{t.noMatch}</p>
        ) : (
          <VirtualList
            items={shown}
            itemKey={itemKey}
            estimateSize={BUSINESS_ROW}
            label={t.listLabel}
            className="businesses"
            itemAttributes={itemAttributes}
            renderItem={(row) => (
              <BusinessItem
                row={row}
                locale={locale}
                day={day}
                open={open}
                assetsHref={pageUrl?.(row.businessId)}
              />
            )}
          />
        )}
      </>
    );
  return (
    <main className="overview-page">
      <h1>{t.title}</h1>
      <p className="hint">{t.intro}</p>
      {body}
    </main>
  );
}

function PathLine({ path, locale, day }: { path: AssetPath; locale: UiLocale; day: Intl.DateTimeFormat }) {
  const t = catalogue(locale).overview.assets;
  const date = (iso: string) => day.format(new Date(iso));
  return (
    <li className="path" data-via={path.via} data-subject={path.subject} data-access={path.access}>
      <span className="tag">{t.via[path.via]}</span> <span className="path-name">{path.name}</span>{' '}
      {path.email ? <span className="path-subject">{path.email}</span> : null}
      {' · '}
      <span className={path.access === 'full' ? 'path-access tag-full' : 'path-access'}>
        {t.access[path.access]}
      </span>
      {path.tasks.length > 0 ? ` (${path.tasks.map((k) => taskName(locale, k)).join(', ')})` : ''}
      {path.pending ? ` · ${t.pending}` : ''}
      {path.pageEndsAt ? ` · ${t.pageEnds(path.pageEndsAt)}` : ''}
      {' · '}
      <span
        className={path.grant ? 'path-grant' : 'path-grant path-no-grant'}
        data-grant={path.grant?.id ?? ''}
      >
        {path.grant
          ? path.grant.namesAsset
            ? t.grant(path.grant.id, path.grant.endsAt)
            : `${t.grant(path.grant.id, path.grant.endsAt)} (${t.grantOther})`
          : t.noGrant}
      </span>
      {' · '}
      <time className="path-seen" dateTime={path.seen}>
        {t.seen(date(path.seen))}
      </time>
    </li>
  );
}

const AssetItem = memo(function AssetItem({
  asset,
  locale,
  day,
}: {
  asset: AssetView;
  locale: UiLocale;
  day: Intl.DateTimeFormat;
}) {
  const t = catalogue(locale).overview.assets;
  const counts = pathCounts(asset);
  return (
    <>
      <div className="asset-head">
        <span className="tag">{assetTypeWords[asset.type][locale].at(-1)}</span>{' '}
        <span className="asset-name">{asset.name}</span>
        {asset.id ? <span className="path-subject"> {asset.id}</span> : null}
      </div>
      <div className="asset-counts">
        {t.paths(counts.person, counts.partner, counts['system-user'])}
        {asset.pageReadAt ? ` · ${t.pageRead(day.format(new Date(asset.pageReadAt)))}` : ''}
      </div>
      {asset.paths.length === 0 ? (
        <p className="hint">{t.noPath}</p>
      ) : (
        <ul className="paths">
          {asset.paths.map((p) => (
            <PathLine key={p.subject} path={p} locale={locale} day={day} />
          ))}
        </ul>
      )}
    </>
  );
});

function AssetsView({
  businessId,
  asset,
  pageUrl,
  now,
}: Required<Pick<OverviewPageProps, 'businessId' | 'now'>> & Pick<OverviewPageProps, 'asset' | 'pageUrl'>) {
  const { ask, locale } = useApi();
  const t = catalogue(locale).overview;
  const [assets, setAssets] = useState<AssetView[] | undefined>();
  const [name, setName] = useState<string | undefined>();
  const [query, setQuery] = useState('');
  const [saved, setSaved] = useState<string | undefined>();
  const refusal = useRefusal(locale);
  const check = refusal.check;

  useEffect(() => {
    let live = true;
    void ask('assetPaths', { businessId }).then((reply) => {
      if (!live) return;
      check(reply);
      if (reply.ok) {
        setAssets(reply.value.assets);
        setName(reply.value.name);
        // The asset the address names (the panel's link on an asset page): searched for by its ID or name.
        const named = asset ? reply.value.assets.find((a) => a.key === asset) : undefined;
        if (named) setQuery(named.id ?? named.name);
      }
    });
    return () => {
      live = false;
    };
  }, [ask, check, businessId, asset]);

  const shown = useMemo(() => (assets ? searchAssets(assets, query) : []), [assets, query]);
  const day = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }), [locale]);
  const itemKey = useCallback((a: AssetView) => a.key, []);
  const itemAttributes = useCallback(
    (a: AssetView) => ({ className: 'asset', 'data-asset': a.key, 'data-paths': String(a.paths.length) }),
    [],
  );
  const exportCsv = () => {
    if (!assets) return;
    const file = `scopekeeper-assets-${businessId}-${now().toISOString().slice(0, 10)}.csv`;
    download(file, assetPathsCsv(businessId, assets), 'text/csv');
    setSaved(t.assets.exported(file));
  };

  let body: React.ReactNode;
  if (refusal.shown) body = refusal.shown;
  else if (!assets) body = <p aria-busy="true">{t.assets.loading}</p>;
  else if (assets.length === 0) body = <p data-empty="">{t.assets.none}</p>;
  else
    body = (
      <>
        <div className="toolbar">
          <label>
            {t.search}{' '}
            <input type="search" name="search" value={query} onChange={(e) => setQuery(e.target.value)} />
          </label>
          <button type="button" data-export="csv" onClick={exportCsv}>
            {t.assets.exportCsv}
          </button>
        </div>
        <p className="counts" data-counts="" aria-live="polite">
          {t.assets.shown(shown.length, assets.length)}
        </p>
        {saved ? <p role="status">{saved}</p> : null}
        {shown.length === 0 ? (
          <p data-no-match="">{t.assets.noMatch}</p>
        ) : (
          <VirtualList
            items={shown}
            itemKey={itemKey}
            estimateSize={ASSET_ROW}
            label={t.assets.listLabel}
            className="assets"
            itemAttributes={itemAttributes}
            renderItem={(a) => <AssetItem asset={a} locale={locale} day={day} />}
          />
        )}
      </>
    );
  return (
    <main className="overview-page" data-business={businessId}>
      {pageUrl ? (
        <a className="back" href={pageUrl()} data-back="">
          {t.assets.back}
        </a>
      ) : null}
      {/* The name, once read, is page text: React text only. */}
      <h1>{t.assets.title(businessLabel({ businessId, name }))}</h1>
      <p className="hint">{t.assets.intro}</p>
      {body}
    </main>
  );
}

/** The link to the overview (popup, options page): none without the API's address. */
export function OverviewLink() {
  const { overviewPage, locale } = useApi();
  if (!overviewPage) return null;
  return (
    <a className="overview-link" href={overviewPage()} target="_blank" rel="noreferrer" data-overview-link="">
      {catalogue(locale).overview.open}
    </a>
  );
}

// The panel's link on an asset page lives in its own module (the panel loads it; not this page's code).
export { PanelAssetPathsLink as AssetPathsLink } from './asset-paths-link';
