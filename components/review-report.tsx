import { useEffect, useMemo, useState } from 'react';
import { catalogue, describeProblem } from '@/lib/domain/i18n';
import { portfolioAccess } from '@/lib/domain/lexicon';
import type { UiLocale } from '@/lib/domain/locales';
import type { Requirement, ReviewAccess, ReviewDecision } from '@/lib/domain/review/campaign';
import type { CampaignReport } from '@/lib/domain/review/report';
import { words } from '@/lib/domain/rules/words';
import type { PortfolioAccess } from '@/lib/domain/snapshot';
import { useApi } from './api';
import { download } from './download';
import { kindName } from './page-words';

/**
 * The auditor's report of an access review (issue 14, item 5): a campaign rendered as a document, for the
 * screen and for "Print → Save as PDF" (entrypoints/review/style.css has the A4 print sheet with page
 * numbers). Every name, e-mail and rationale is text written by someone else: React renders it as text.
 * The report's data, its SHA-256 and the roster are made by the background (reviewGet with `report`), so
 * the figures here are the ones a downloaded JSON is checked against.
 */
interface Loaded {
  report: CampaignReport;
  hash: string;
  csv: string;
}

type Item = CampaignReport['items'][number];

const exceptSensitive: Record<UiLocale, string> = {
  en: 'Full control except sensitive tasks',
  sv: 'Full kontroll utom känsliga uppgifter',
  fr: 'Contrôle total sauf tâches sensibles',
};

function portfolioWord(locale: UiLocale, level: PortfolioAccess): string {
  // Partners' Business Settings shows no portfolio level (a partner holds its assets): say so, not "?".
  if (level === 'unknown') return catalogue(locale).reviewReport.levelNotShown;
  return portfolioAccess[level][locale][0] ?? level;
}

/** ": ", with French typography's no-break space before the colon. */
const colon = (locale: UiLocale) => (locale === 'fr' ? '\u00a0: ' : ': ');

/** An access in Meta's words: "Business portfolio: Full control", "Ad account Acme: Partial access (Analyse)". */
function accessText(locale: UiLocale, access: ReviewAccess): string {
  const t = catalogue(locale).reviewReport;
  const w = words[locale];
  if (access.kind === 'portfolio') {
    return `${t.portfolio}${colon(locale)}${portfolioWord(locale, access.level)}${access.pending ? ` (${t.pending})` : ''}`;
  }
  const level =
    access.access === 'full'
      ? w.full[access.asset.type]
      : access.access === 'partial'
        ? w.partialAccess
        : exceptSensitive[locale];
  const tasks = access.tasks.map((task) => w.tasks[task] ?? task);
  const type = w.assetTypeSingular[access.asset.type];
  return `${type.charAt(0).toLocaleUpperCase(locale) + type.slice(1)} ${access.asset.name}${access.asset.id ? ` (${access.asset.id})` : ''}${colon(locale)}${level}${tasks.length > 0 ? ` (${tasks.join(', ')})` : ''}`;
}

function reductionText(locale: UiLocale, decision: ReviewDecision): string | undefined {
  const t = catalogue(locale).reviewReport;
  const w = words[locale];
  const reduce = decision.reduce;
  if (!reduce) return undefined;
  const parts = [
    ...(reduce.tasks ?? []).map((task) => w.tasks[task] ?? task),
    ...(reduce.assets ?? []).map((asset) => `${w.assetTypeSingular[asset.type]} ${asset.name}`),
  ];
  const lower = reduce.lowerTo
    ? t.lowerTo(
        reduce.lowerTo === 'full'
          ? w.fullControl
          : reduce.lowerTo === 'partial'
            ? w.partialAccess
            : portfolioWord(locale, reduce.lowerTo as PortfolioAccess),
      )
    : undefined;
  return [parts.length > 0 ? t.reduceWhat(parts.join(', ')) : undefined, lower].filter(Boolean).join('; ');
}

function requirementName(locale: UiLocale, requirement: Requirement): string {
  const t = catalogue(locale).reviewReport;
  return requirement.kind === 'list' ? t.lists[requirement.list] : t.detailOf(requirement.name);
}

export function ReviewReportPage({ campaignId }: { campaignId: string | undefined }) {
  const { ask, locale } = useApi();
  const t = catalogue(locale).reviewReport;
  const [loaded, setLoaded] = useState<Loaded | undefined>();
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (!campaignId) return;
    let live = true;
    void ask('reviewGet', { campaignId, report: true }).then((reply) => {
      if (!live) return;
      if (!reply.ok) setError(describeProblem(locale, reply.error));
      else if (reply.value.report && reply.value.hash && reply.value.csv !== undefined)
        setLoaded({
          // Made by the background from the stored campaign (reviewGet): an extension page trusts its answer.
          report: reply.value.report as unknown as CampaignReport,
          hash: reply.value.hash,
          csv: reply.value.csv,
        });
    });
    return () => {
      live = false;
    };
  }, [ask, campaignId, locale]);
  const when = useMemo(
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    [locale],
  );
  const date = (iso: string | undefined) => (iso ? when.format(new Date(iso)) : '');

  if (!campaignId) return <Shell title={t.title}>{<p role="alert">{t.missing}</p>}</Shell>;
  if (error) return <Shell title={t.title}>{<p role="alert">{error}</p>}</Shell>;
  if (!loaded) return <Shell title={t.title}>{<p>{t.loading}</p>}</Shell>;

  const { report, hash, csv } = loaded;
  const s = report.summary;
  const file = `scopekeeper-access-review-${report.businessId}-${report.period.start.slice(0, 10)}`;
  const open = report.items.filter((item) => item.followUp === 'waiting' || item.followUp === 'overdue');
  const byId = new Map(report.items.map((item) => [item.id, item]));
  const line = (item: Pick<Item, 'name' | 'email' | 'access' | 'principalKind'>) =>
    `${item.name}${item.email ? ` <${item.email}>` : ''} · ${accessText(locale, item.access)}`;

  return (
    <Shell title={t.title}>
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t.print}
        </button>
        <button type="button" onClick={() => download(`${file}.csv`, csv, 'text/csv')}>
          {t.downloadCsv}
        </button>
        <button
          type="button"
          onClick={() => download(`${file}.json`, JSON.stringify(report, null, 2), 'application/json')}
        >
          {t.downloadJson}
        </button>
      </div>

      <dl className="facts" data-report-business={report.businessId}>
        <dt>{t.business}</dt>
        <dd>
          {report.businessName ? `${report.businessName} · ` : ''}
          {t.businessId(report.businessId)}
        </dd>
        <dt>{t.campaign}</dt>
        <dd>{report.campaignId}</dd>
        <dt>{t.period}</dt>
        <dd>{t.periodText(date(report.period.start), report.period.end && date(report.period.end))}</dd>
        <dt>{t.startedBy}</dt>
        <dd>{report.startedBy}</dd>
        <dt>{t.reviewer}</dt>
        <dd data-signed-off={report.signOff ? 'true' : 'false'}>
          {report.signOff
            ? t.signedOff(report.signOff.reviewer, report.signOff.role, date(report.signOff.at))
            : t.notSignedOff}
        </dd>
        <dt>{t.source}</dt>
        <dd>
          {t.sources[report.source]}. {t.previous(report.previousCampaignId)}
        </dd>
      </dl>

      <section>
        <h2>{t.summaryTitle}</h2>
        <p data-report-summary="">{t.summary(s)}</p>
        <p>{t.removals(s.verified, s.unverified, s.overdue)}</p>
      </section>

      <section data-report-complete={s.complete ? 'true' : 'false'}>
        <h2>{t.completenessTitle}</h2>
        <p className={s.complete ? '' : 'warning'}>
          {s.complete ? t.complete : t.incomplete(s.requirementsMet, s.requirements)}
        </p>
        <ul>
          {report.completeness.map((req, index) => (
            <li key={index}>
              {requirementName(locale, req)}: {req.readAt ? t.readAt(date(req.readAt)) : t.notRead}
              {req.kind === 'list' && req.before && !req.readAt ? t.readBefore(date(req.before)) : ''}
            </li>
          ))}
        </ul>
      </section>

      <section>
        <h2>{t.deltaTitle}</h2>
        <p>
          {report.previousCampaignId
            ? t.deltaCounts(s.delta.new, s.delta.changed, s.delta.removed)
            : t.deltaNone}
        </p>
        {report.previousCampaignId ? (
          <ul data-report-delta="">
            {[...report.delta.new, ...report.delta.changed].map((id) => {
              const item = byId.get(id);
              return item ? (
                <li key={id}>
                  {t.delta[item.delta]}: {line(item)}
                </li>
              ) : null;
            })}
          </ul>
        ) : null}
        {report.delta.removed.length > 0 ? (
          <>
            <h3>{t.removedTitle}</h3>
            <ul data-report-removed="">
              {report.delta.removed.map((item) => (
                <li key={item.id}>{line(item)}</li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section>
        <h2>{t.itemsTitle}</h2>
        <table className="items">
          <thead>
            <tr>
              <th>{t.columns.who}</th>
              <th>{t.columns.access}</th>
              <th>{t.columns.decision}</th>
              <th>{t.columns.rationale}</th>
              <th>{t.columns.verification}</th>
              <th>{t.columns.record}</th>
            </tr>
          </thead>
          <tbody>
            {report.items.map((item) => (
              <tr key={item.id} data-item={item.id} data-decision={item.decision?.kind ?? ''}>
                <td>
                  <strong>{item.name}</strong>
                  <div>{t.kinds[item.principalKind]}</div>
                  {item.email ? <div>{item.email}</div> : null}
                </td>
                <td>
                  {accessText(locale, item.access)}
                  {t.delta[item.delta] ? <div className="tag">{t.delta[item.delta]}</div> : null}
                </td>
                <td>
                  {item.decision ? (
                    <>
                      <strong>{t.decisions[item.decision.kind]}</strong>
                      {reductionText(locale, item.decision) ? (
                        <div>{reductionText(locale, item.decision)}</div>
                      ) : null}
                      <div>{t.decidedBy(item.decision.reviewer, date(item.decision.at))}</div>
                    </>
                  ) : (
                    t.undecided
                  )}
                </td>
                <td className="rationale">{item.decision?.rationale ?? ''}</td>
                <td data-follow-up={item.followUp ?? ''}>
                  {item.followUp === 'verified' && item.verified
                    ? t.followUp.verified(date(item.verified.at), kindName(locale, item.verified.page))
                    : item.followUp === 'waiting' || item.followUp === 'overdue'
                      ? t.followUp[item.followUp]
                      : ''}
                </td>
                <td>
                  {item.facts.grant
                    ? t.grant(item.facts.grant.case, item.facts.grant.endsAt && date(item.facts.grant.endsAt))
                    : t.noGrant}
                  {item.facts.accepted.length > 0 ? (
                    <div>{t.accepted(item.facts.accepted.length)}</div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section>
        <h2>{t.openTitle}</h2>
        {open.length === 0 ? (
          <p>{t.openNone}</p>
        ) : (
          <ul data-report-open="">
            {open.map((item) => (
              <li key={item.id}>
                {line(item)}: {item.decision ? t.decisions[item.decision.kind] : ''} ·{' '}
                {t.followUp[item.followUp as 'waiting' | 'overdue']}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="integrity">
        <h2>{t.integrityTitle}</h2>
        <dl className="facts">
          <dt>{t.chainHead}</dt>
          <dd>
            <code>{report.integrity.chainHead ?? t.noChain}</code>
          </dd>
          <dt>{t.keyFingerprint}</dt>
          <dd>
            <code>{report.integrity.keyFingerprint ?? t.noKey}</code>
          </dd>
          <dt>{t.hash}</dt>
          <dd>
            <code data-report-hash="">{hash}</code>
          </dd>
        </dl>
        <p>{t.howToCheck}</p>
        <p className="generated">{t.generated(date(report.generatedAt))}</p>
      </section>
    </Shell>
  );
}

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="report">
      <h1>{title}</h1>
      {children}
    </main>
  );
}
