import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { catalogue } from '@/lib/domain/i18n/words';
import type { UiLocale } from '@/lib/domain/locales';
import type { ReviewCampaign, ReviewItem } from '@/lib/domain/review/campaign';
import { followUpState, summarise } from '@/lib/domain/review/summary';
import { followUpText, pendingFollowUps } from '@/lib/domain/review/follow-ups';
import {
  getSubjectKey,
  portfolioAccesses,
  type PageSnapshot,
  type PortfolioAccess,
  type TaskKey,
} from '@/lib/domain/snapshot';
import { words } from '@/lib/domain/rules/words';
import { useApi } from './api';
import { kindName } from './page-words';
import { usePanelStore } from './panel-store';
import { useRecordConflicts } from './panel-record-conflicts';
import { useRefusal } from './refusal';
import { RecordConflict, type ConflictOutcome } from './team-conflict';
import './review-section.css';

/** At most this many accesses in the panel at once (the delta comes first). */
const SHOWN = 100;

type Words = ReturnType<typeof catalogue>['review'];

/** The business's open campaign, or its latest finished one; asked again whenever the watch mark moves. */
function useCampaign(businessId: string | undefined) {
  const { ask } = useApi();
  const { locale, watchMark } = usePanelStore((s) => s.state);
  const refusal = useRefusal(locale);
  const { check } = refusal;
  const [campaign, setShown] = useState<ReviewCampaign | undefined>();
  const [asked, setAsked] = useState(0);
  // A command's answer (a start, a decision) is newer than a list asked before it: a slow list answer that
  // arrives after it must not put back what the command replaced (a busy background answers late).
  const answered = useRef(0);
  const setCampaign = useCallback((next: ReviewCampaign | undefined) => {
    answered.current += 1;
    setShown(next);
  }, []);
  useEffect(() => {
    if (!businessId) return;
    let current = true;
    const since = answered.current;
    const fresh = () => current && answered.current === since;
    void (async () => {
      const list = check(await ask('reviewList', { businessId }));
      if (!fresh() || !list.ok) return;
      // An answer without the list (an older background) shows no campaign rather than failing.
      const campaigns = (list.value as { campaigns?: typeof list.value.campaigns }).campaigns ?? [];
      const chosen = campaigns.find((c) => c.status === 'open') ?? campaigns[0];
      if (!chosen) return setShown(undefined);
      const got = check(await ask('reviewGet', { campaignId: chosen.id }));
      if (fresh() && got.ok) setShown(got.value.campaign);
    })();
    return () => {
      current = false;
    };
  }, [ask, check, businessId, watchMark, asked]);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return { campaign, setCampaign, reload, refusal };
}

/** A task in the admin's language, as Business Settings names it. */
const taskName = (locale: UiLocale, task: TaskKey) => words[locale].tasks[task] ?? task;

function accessText(t: Words, locale: UiLocale, item: ReviewItem): string {
  const access = item.access;
  if (access.kind === 'portfolio')
    return `${t.portfolio}: ${t.level[access.level] ?? access.level}${access.pending ? ` (${t.pending})` : ''}`;
  const tasks =
    access.tasks.length > 0 ? ` · ${access.tasks.map((task) => taskName(locale, task)).join(', ')}` : '';
  return `${access.asset.name}: ${t.access[access.access] ?? access.access}${tasks}`;
}

/** The form of a reduce or revoke: a rationale, and for a reduce what goes. */
function DecisionForm({
  item,
  kind,
  t,
  locale,
  onSave,
  onCancel,
}: {
  item: ReviewItem;
  kind: 'reduce' | 'revoke';
  t: Words;
  locale: UiLocale;
  onSave: (rationale: string, reduce?: { tasks?: TaskKey[]; lowerTo?: PortfolioAccess }) => void;
  onCancel: () => void;
}) {
  const [rationale, setRationale] = useState('');
  const [tasks, setTasks] = useState<TaskKey[]>([]);
  const [lowerTo, setLowerTo] = useState<PortfolioAccess | ''>('');
  const access = item.access;
  const reduce =
    kind !== 'reduce' ? undefined : access.kind === 'asset' ? { tasks } : lowerTo ? { lowerTo } : {};
  return (
    <form
      className="review-form ledger-form"
      data-review-form={kind}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(rationale, reduce);
      }}
    >
      <label>
        {t.rationale}
        <textarea value={rationale} onChange={(e) => setRationale(e.target.value)} required />
      </label>
      {kind === 'reduce' && access.kind === 'asset' ? (
        <fieldset>
          <legend>{t.removeTasks}</legend>
          {access.tasks.map((task) => (
            <label key={task}>
              <input
                type="checkbox"
                value={task}
                checked={tasks.includes(task)}
                onChange={(e) =>
                  setTasks((was) => (e.target.checked ? [...was, task] : was.filter((x) => x !== task)))
                }
              />
              {taskName(locale, task)}
            </label>
          ))}
        </fieldset>
      ) : null}
      {kind === 'reduce' && access.kind === 'portfolio' ? (
        <label>
          {t.lowerTo}
          <select value={lowerTo} onChange={(e) => setLowerTo(e.target.value as PortfolioAccess)}>
            <option value="" />
            {portfolioAccesses
              .filter((level) => level !== 'unknown' && level !== access.level)
              .map((level) => (
                <option key={level} value={level}>
                  {t.level[level] ?? level}
                </option>
              ))}
          </select>
        </label>
      ) : null}
      <div className="ledger-actions">
        <button type="submit">{t.save}</button>
        <button type="button" onClick={onCancel}>
          {t.cancel}
        </button>
      </div>
    </form>
  );
}

function ItemRow({
  item,
  t,
  locale,
  selected,
  onSelect,
  decideOne,
  open,
}: {
  item: ReviewItem;
  t: Words;
  locale: UiLocale;
  selected: boolean;
  onSelect: (on: boolean) => void;
  decideOne: (kind: 'keep' | 'reduce' | 'revoke', rationale: string, reduce?: object) => void;
  open: boolean;
}) {
  const [form, setForm] = useState<'reduce' | 'revoke' | undefined>();
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const state = followUpState(item, new Date());
  return (
    <li
      className="review-item"
      data-review-item={item.id}
      data-delta={item.delta}
      data-decision={item.decision?.kind ?? ''}
      data-follow-up={state ?? ''}
    >
      {open ? (
        <input
          type="checkbox"
          className="review-select"
          aria-label={t.select}
          checked={selected}
          onChange={(e) => onSelect(e.target.checked)}
        />
      ) : null}
      <div className="review-body">
        <div className="review-what">
          {item.delta !== 'unchanged' ? <span className="tag">{t.delta[item.delta]}</span> : null}
          {/* Names are page text: React text, never markup. */}
          <strong className="principal-name">{item.name}</strong>{' '}
          {item.email ? <span className="principal-sub">{item.email}</span> : null}
          <div className="review-access">{accessText(t, locale, item)}</div>
        </div>
        <div className="review-facts">
          {item.facts.grant ? t.grant(item.facts.grant.case, item.facts.grant.endsAt) : t.noGrant}
          {item.facts.accepted.length > 0 ? ` · ${t.accepted(item.facts.accepted.join(', '))}` : null}
        </div>
        {item.decision ? (
          <div className="review-decision">
            {t.decided[item.decision.kind]}{' '}
            {t.by(item.decision.reviewer, when.format(new Date(item.decision.at)))}
            {item.decision.rationale ? ` · ${item.decision.rationale}` : null}
            {state === 'verified' && item.verified ? (
              <div className="review-follow-up" data-verified="">
                {t.verified(when.format(new Date(item.verified.at)), kindName(locale, item.verified.page))}
              </div>
            ) : state === 'overdue' ? (
              <div className="review-follow-up" role="alert">
                {t.overdue}
              </div>
            ) : state === 'waiting' ? (
              <div className="review-follow-up">{t.waiting}</div>
            ) : null}
          </div>
        ) : null}
        {open && !form ? (
          <div className="ledger-actions">
            <button type="button" data-review-keep="" onClick={() => decideOne('keep', '')}>
              {t.keep}
            </button>
            <button type="button" data-review-reduce="" onClick={() => setForm('reduce')}>
              {t.reduce}
            </button>
            <button type="button" data-review-revoke="" onClick={() => setForm('revoke')}>
              {t.revoke}
            </button>
          </div>
        ) : null}
        {open && form ? (
          <DecisionForm
            item={item}
            kind={form}
            t={t}
            locale={locale}
            onCancel={() => setForm(undefined)}
            onSave={(rationale, reduce) => {
              setForm(undefined);
              decideOne(form, rationale, reduce);
            }}
          />
        ) : null}
      </div>
    </li>
  );
}

/** The principal kind each list page shows. */
const listKind: Partial<Record<PageSnapshot['kind'], ReviewItem['principalKind']>> = {
  people: 'person',
  partners: 'partner',
  'system-users': 'system-user',
};

/**
 * The campaign's reduces and revokes still to switch off that this page shows (issue 14, item 3): on a list
 * page, those of its principals still listed. The page's rows carry the same as badges (the background sends
 * them with the findings: lib/domain/review/follow-ups.ts).
 */
function OnThisPage({ campaign, snapshot }: { campaign: ReviewCampaign; snapshot: PageSnapshot }) {
  const { locale } = usePanelStore((s) => s.state);
  const t = catalogue(locale).review.followUp;
  const kind = listKind[snapshot.kind];
  const listed = useMemo(() => new Set(snapshot.principals.map(getSubjectKey)), [snapshot]);
  const shown = useMemo(
    () =>
      kind
        ? pendingFollowUps([campaign], new Date()).filter(
            (f) => f.principalKind === kind && listed.has(f.subject),
          )
        : [],
    [campaign, kind, listed],
  );
  if (shown.length === 0) return null;
  return (
    <div className="review-on-page" data-review-on-page={shown.length}>
      <h3>{t.onPage}</h3>
      <p className="hint">{t.onPageHint}</p>
      <ul>
        {shown.map((f) => (
          <li key={f.itemId} data-follow-up-item={f.itemId} data-follow-up-state={f.state}>
            {followUpText(locale, f)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Access reviews in the panel (issue 14): start one over what Scopekeeper has read of this business, decide
 * keep / reduce / revoke per access (bulk keep for a selection), see what still has to be read and what is
 * still to switch off, and sign off with the reviewer's name and role.
 */
export function ReviewSection() {
  const { ask } = useApi();
  const { snapshot, locale } = usePanelStore((s) => s.state);
  const businessId = snapshot?.businessId;
  const { campaign, setCampaign, reload, refusal } = useCampaign(businessId);
  const { check } = refusal;
  const t = catalogue(locale).review;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [reviewer, setReviewer] = useState('');
  const [role, setRole] = useState('');
  const [report, setReport] = useState<{ hash: string; csv: string; json: string } | undefined>();
  // A start on its way: said on the screen until its answer (a background busy with the team ledger's
  // sync, or started again under it, answers late), and not sent twice.
  const [starting, setStarting] = useState(false);
  const summary = useMemo(() => (campaign ? summarise(campaign, new Date()) : undefined), [campaign]);
  // Campaigns edited in two places (the team ledger, issue 16): marked here, for the admin to resolve.
  const teamConflicts = useRecordConflicts(businessId);
  const [conflictOutcome, setConflictOutcome] = useState<ConflictOutcome | undefined>();
  if (!businessId) return null;
  const open = campaign?.status === 'open';
  const applied = (reply: Awaited<ReturnType<typeof ask<'reviewDecide'>>>) => {
    if (check(reply).ok && reply.ok) setCampaign(reply.value.campaign);
    else reload();
  };
  const decideOne =
    (itemId: string) => (kind: 'keep' | 'reduce' | 'revoke', rationale: string, reduce?: object) =>
      void ask('reviewDecide', {
        campaignId: campaign!.id,
        decisions: [{ itemId, kind, rationale, ...(reduce ? { reduce } : {}) }],
      }).then(applied);
  const keepSelected = () =>
    void ask('reviewDecide', {
      campaignId: campaign!.id,
      decisions: [...selected].map((itemId) => ({ itemId, kind: 'keep' as const, rationale: '' })),
    }).then((reply) => {
      applied(reply);
      if (reply.ok) setSelected(new Set());
    });
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="section review" aria-label={t.title} data-review={campaign?.status ?? 'none'}>
      <h2>{t.title}</h2>
      {refusal.shown}
      {teamConflicts.conflicts
        .filter((c) => c.kind === 'review')
        .map((c) => (
          <RecordConflict
            key={c.id}
            locale={locale}
            kind="review"
            id={c.id}
            onResolved={(result) => {
              setConflictOutcome(result);
              teamConflicts.reload();
              reload();
            }}
          />
        ))}
      {conflictOutcome ? <p role={conflictOutcome.ok ? 'status' : 'alert'}>{conflictOutcome.text}</p> : null}
      {!campaign || campaign.status === 'finished' ? (
        <>
          <p>{t.startHint}</p>
          <button
            type="button"
            data-review-start=""
            disabled={starting}
            aria-busy={starting}
            onClick={() => {
              setStarting(true);
              void ask('reviewStart', { businessId })
                .then((reply) => {
                  if (reply.ok) {
                    check(reply);
                    setCampaign(reply.value.campaign);
                  } else if (reply.error.code === 'review-open-exists') {
                    // Started meanwhile (another panel, a colleague's, or this click's first delivery): the
                    // open one is shown, not a refusal of a click that got what it asked for.
                    reload();
                  } else check(reply);
                })
                .finally(() => setStarting(false));
            }}
          >
            {t.start}
          </button>
          {starting ? (
            <p className="hint" role="status" data-review-starting="">
              {t.startPage.starting}
            </p>
          ) : null}
        </>
      ) : null}
      {campaign && summary ? (
        <>
          {campaign.signOff ? (
            <p className="review-signed" data-review-signed="">
              {t.finished(
                campaign.signOff.reviewer,
                campaign.signOff.role,
                when.format(new Date(campaign.signOff.at)),
              )}
              {summary.unverified > 0 ? ` ${t.unverified(summary.unverified)}` : null}
            </p>
          ) : null}
          <p className="review-progress" data-review-progress={`${summary.decided}/${summary.items}`}>
            {t.progress(summary.decided, summary.items)} ·{' '}
            {t.completeness(summary.requirementsMet, summary.requirements)}
          </p>
          {summary.complete ? (
            <p className="review-complete">{t.complete}</p>
          ) : (
            <>
              <p className="review-incomplete">{t.incomplete}</p>
              <ul className="review-missing">
                {campaign.requirements
                  .filter((r) => r.readAt === undefined)
                  .slice(0, 20)
                  .map((r) => (
                    <li
                      key={r.kind === 'list' ? r.list : r.subject}
                      data-requirement={r.kind === 'list' ? r.list : r.subject}
                    >
                      {r.kind === 'list' ? t.list[r.list] : t.detail(r.name)}
                    </li>
                  ))}
              </ul>
            </>
          )}
          {snapshot ? <OnThisPage campaign={campaign} snapshot={snapshot} /> : null}
          {campaign.removed.length > 0 ? <p>{t.removedSince(campaign.removed.length)}</p> : null}
          {open && selected.size > 0 ? (
            <button type="button" data-review-keep-selected="" onClick={keepSelected}>
              {t.keepSelected(selected.size)}
            </button>
          ) : null}
          <ul className="review-items">
            {campaign.items.slice(0, SHOWN).map((item) => (
              <ItemRow
                key={item.id}
                item={item}
                t={t}
                locale={locale}
                open={open}
                selected={selected.has(item.id)}
                onSelect={(on) =>
                  setSelected((was) => {
                    const next = new Set(was);
                    if (on) next.add(item.id);
                    else next.delete(item.id);
                    return next;
                  })
                }
                decideOne={decideOne(item.id)}
              />
            ))}
          </ul>
          {campaign.items.length > SHOWN ? (
            <p className="hint">{t.more(campaign.items.length - SHOWN)}</p>
          ) : null}
          {open ? (
            <form
              className="review-sign-off ledger-form"
              onSubmit={(e) => {
                e.preventDefault();
                void ask('reviewSignOff', { campaignId: campaign.id, reviewer, role }).then((reply) => {
                  if (check(reply).ok && reply.ok) setCampaign(reply.value.campaign);
                });
              }}
            >
              <h3>{t.signOffTitle}</h3>
              <label>
                {t.reviewer}
                <input value={reviewer} onChange={(e) => setReviewer(e.target.value)} required />
              </label>
              <label>
                {t.role}
                <input value={role} onChange={(e) => setRole(e.target.value)} required />
              </label>
              <div className="ledger-actions">
                <button type="submit" data-review-sign-off="">
                  {t.signOff}
                </button>
              </div>
            </form>
          ) : (
            <button
              type="button"
              data-review-report=""
              onClick={() =>
                void ask('reviewGet', { campaignId: campaign.id, report: true }).then((reply) => {
                  if (check(reply).ok && reply.ok && reply.value.hash && reply.value.csv)
                    setReport({
                      hash: reply.value.hash,
                      csv: reply.value.csv,
                      json: JSON.stringify(reply.value.report, null, 2),
                    });
                })
              }
            >
              {t.report}
            </button>
          )}
          <a
            className="review-report-link"
            href={`/review.html?campaign=${encodeURIComponent(campaign.id)}`}
            target="_blank"
            rel="noopener noreferrer"
            data-review-report-link=""
          >
            {t.openReport}
          </a>
          {report ? (
            <div className="review-report">
              <p className="review-hash" data-review-hash={report.hash}>
                {t.reportHash(report.hash)}
              </p>
              <a href={dataUrl(report.csv, 'text/csv')} download={`access-review-${campaign.id}.csv`}>
                {t.downloadCsv}
              </a>{' '}
              <a
                href={dataUrl(report.json, 'application/json')}
                download={`access-review-${campaign.id}.json`}
              >
                {t.downloadJson}
              </a>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

const dataUrl = (text: string, type: string) => `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
