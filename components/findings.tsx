import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { UiLocale } from '@/lib/domain/locales';
import type { AssetGrant } from '@/lib/domain/snapshot';
import { isBusinessSubject, severityRank } from '@/lib/domain/rules/types';
import type { PanelFinding as Finding } from '@/lib/domain/ui-state';
import { getSubjectKey } from '@/lib/domain/snapshot';
import { catalogue } from '@/lib/domain/i18n/words';
import { useApi } from './api';
import { StartChecklist } from './checklists';
import { AcceptFinding, SubjectLedger } from './subject-ledger';
import { usePanelStore } from './panel-store';
import { useRefusal } from './refusal';
import { VirtualList } from './virtual-list';

export interface Group {
  subject: string;
  name: string;
  findings: Finding[];
}

/** One subject's findings, the most severe first (a subject's card); undefined when it has none. */
export function subjectFindings(findings: readonly Finding[], subject: string): Group | undefined {
  const own = findings.filter((f) => f.subject === subject);
  if (own.length === 0) return undefined;
  own.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  return { subject, name: own[0]!.subjectName, findings: own };
}

export interface RuleGroup {
  ruleId: string;
  /** The most severe of its findings (a rule can raise at more than one severity). */
  severity: Finding['severity'];
  /** Its findings: open ones first, then accepted ones. */
  findings: Finding[];
  accepted: number;
}

/**
 * Findings grouped by rule (issue 12, item 4): live dialog warnings first, then by severity, then the
 * largest group. Within a group, open findings come before accepted ones, otherwise in the order given.
 */
export function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const finding of findings) {
    let group = groups.get(finding.ruleId);
    if (!group) {
      group = { ruleId: finding.ruleId, severity: finding.severity, findings: [], accepted: 0 };
      groups.set(finding.ruleId, group);
    }
    group.findings.push(finding);
    if (finding.accepted) group.accepted++;
    if (severityRank[finding.severity] < severityRank[group.severity]) group.severity = finding.severity;
  }
  const live = (g: RuleGroup) => (g.ruleId.startsWith('invite-') ? 0 : 1);
  for (const group of groups.values())
    if (group.accepted > 0) group.findings.sort((a, b) => Number(!!a.accepted) - Number(!!b.accepted));
  return [...groups.values()].sort(
    (a, b) =>
      live(a) - live(b) ||
      severityRank[a.severity] - severityRank[b.severity] ||
      b.findings.length - a.findings.length ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

/** A finding's identity in the panel: its rule, subject and asset. */
export function findingKey(f: Finding): string {
  return `${f.ruleId}|${f.subject}|${f.asset?.type ?? ''}:${f.asset?.name ?? ''}`;
}

/** A rule's title in the admin's language (its id when the catalogue has none). */
function ruleTitle(locale: UiLocale, ruleId: string): string {
  return catalogue(locale).panelLists.ruleTitles[ruleId] ?? ruleId;
}

/**
 * Each rule's "why", in every language: the rules (~50 KB, with their checks) are loaded when the admin first
 * opens a finding, not with the panel, whose first chunk is on the page's critical path (issue 12).
 */
let whyOfRules: Promise<Map<string, Record<UiLocale, { why: string }>>> | undefined;
const loadWhy = () =>
  (whyOfRules ??= import('@/lib/domain/rules').then(
    ({ rules }) => new Map(rules.map((rule) => [rule.id, rule.text])),
  ));

/**
 * A finding's "why" and "how to fix", shown when the admin opens it. The why is its rule's (the same for every
 * finding of a rule); the fix is asked of the background (the panel is sent findings without it, issue 12),
 * again when the finding's sentence changes.
 */
function Explanation({ finding, locale }: { finding: Finding; locale: UiLocale }) {
  const { ask } = useApi();
  const t = catalogue(locale).panel;
  const [fix, setFix] = useState<string | undefined>(undefined);
  const [why, setWhy] = useState<string | undefined>(undefined);
  const { ruleId, subject, message } = finding;
  const assetType = finding.asset?.type;
  const assetName = finding.asset?.name;
  useEffect(() => {
    let live = true;
    const asset =
      assetType !== undefined && assetName !== undefined ? { type: assetType, name: assetName } : undefined;
    void ask('findingFix', { ruleId, subject, ...(asset ? { asset } : {}) }).then((reply) => {
      if (live && reply.ok) setFix(reply.value.fix);
    });
    return () => {
      live = false;
    };
  }, [ask, ruleId, subject, assetType, assetName, message]);
  useEffect(() => {
    let live = true;
    void loadWhy().then((texts) => {
      if (live) setWhy(texts.get(ruleId)?.[locale].why);
    });
    return () => {
      live = false;
    };
  }, [ruleId, locale]);
  return (
    <>
      {why !== undefined ? (
        <p className="why">
          <strong>{t.label(t.why)}</strong>
          {why}
        </p>
      ) : null}
      {fix !== undefined ? (
        <p className="fix">
          <strong>{t.label(t.fix)}</strong>
          {fix}
        </p>
      ) : null}
    </>
  );
}

interface FindingRowProps {
  finding: Finding;
  locale: UiLocale;
  businessId: string | undefined;
  today: string;
  /** Its "why / how to fix" is shown (rendered only then). */
  explained: boolean;
  /** In a rule's list (the panel contract's `data-rule-id` element), or in a subject's card. */
  place: 'rule' | 'subject';
  actions: FindingActions;
}

interface FindingActions {
  explain(key: string): void;
  show(subject: string): void;
  openSubject(subject: string): void;
}

/** One finding. Compared by what it shows, so an unchanged finding is not re-rendered by a new state. */
const FindingRow = memo(function FindingRow({
  finding: f,
  locale,
  businessId,
  today,
  explained,
  place,
  actions,
}: FindingRowProps) {
  const t = catalogue(locale).panel;
  const words = catalogue(locale).panelLists;
  const key = findingKey(f);
  // A finding about the business itself (the two-factor requirement) has no row on the page to show, and
  // no subject card: it is named as text, in its rule's list only.
  const aboutBusiness = isBusinessSubject(f.subject);
  const contract =
    place === 'rule'
      ? {
          'data-rule-id': f.ruleId,
          'data-severity': f.severity,
          'data-subject': f.subject,
          ...(f.accepted ? { 'data-accepted': 'true' } : {}),
        }
      : { 'data-subject-finding': f.ruleId };
  return (
    <article className={`finding severity-${f.severity}${f.accepted ? ' accepted' : ''}`} {...contract}>
      <div className="finding-head">
        <span className={`sev sev-${f.severity}`}>{t.severity[f.severity]}</span>
        {place === 'rule' && aboutBusiness ? (
          <span className="subject-name" data-business-subject="">
            {f.subjectName}
          </span>
        ) : place === 'rule' ? (
          <button
            type="button"
            className="subject-link"
            data-open-subject={f.subject}
            aria-label={words.subjectFindings(f.subjectName)}
            onClick={() => actions.openSubject(f.subject)}
          >
            {f.subjectName}
          </button>
        ) : (
          <span className="rule-title">{ruleTitle(locale, f.ruleId)}</span>
        )}
      </div>
      <p className="message">{f.message}</p>
      {f.accepted ? <p className="accepted-note">{t.acceptedUntil(f.accepted.until)}</p> : null}
      <div className="finding-actions">
        <button type="button" aria-expanded={explained} onClick={() => actions.explain(key)}>
          {words.explain}
        </button>
        {aboutBusiness ? null : (
          <button type="button" onClick={() => actions.show(f.subject)}>
            {t.showOnPage}
          </button>
        )}
        {!f.accepted && businessId && !f.ruleId.startsWith('invite-') ? (
          <AcceptFinding
            businessId={businessId}
            subject={f.subject}
            ruleId={f.ruleId}
            assetName={f.asset?.name}
            today={today}
          />
        ) : null}
      </div>
      {explained ? <Explanation finding={f} locale={locale} /> : null}
    </article>
  );
}, sameFindingRow);

function sameFindingRow(a: FindingRowProps, b: FindingRowProps): boolean {
  return (
    a.locale === b.locale &&
    a.businessId === b.businessId &&
    a.today === b.today &&
    a.explained === b.explained &&
    a.place === b.place &&
    a.actions === b.actions &&
    (a.finding === b.finding || JSON.stringify(a.finding) === JSON.stringify(b.finding))
  );
}

/** One rule: its title, severity and count; expanded, its findings (virtualised). */
function RuleGroupItem({
  group,
  open,
  onToggle,
  locale,
  businessId,
  today,
  explained,
  actions,
}: {
  group: RuleGroup;
  open: boolean;
  onToggle(ruleId: string): void;
  locale: UiLocale;
  businessId: string | undefined;
  today: string;
  explained: ReadonlySet<string>;
  actions: FindingActions;
}) {
  const t = catalogue(locale).panel;
  const words = catalogue(locale).panelLists;
  const title = ruleTitle(locale, group.ruleId);
  const listId = `rule-findings-${group.ruleId}`;
  return (
    <li
      className={`rule-group severity-${group.severity}`}
      data-rule-group={group.ruleId}
      data-count={group.findings.length}
    >
      <h3 className="rule-head">
        <button
          type="button"
          data-rule-toggle={group.ruleId}
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          onClick={() => onToggle(group.ruleId)}
        >
          <span className={`sev sev-${group.severity}`}>{t.severity[group.severity]}</span>
          <span className="rule-title">{title}</span>
          <span className="rule-count">
            {words.findingCount(group.findings.length)}
            {group.accepted > 0 ? ` · ${words.acceptedCount(group.accepted)}` : ''}
          </span>
        </button>
      </h3>
      {open ? (
        <VirtualList
          id={listId}
          items={group.findings}
          className="rule-findings"
          label={words.findingsOf(title)}
          estimateSize={92}
          itemKey={(f) => findingKey(f)}
          renderItem={(f) => (
            <FindingRow
              finding={f}
              locale={locale}
              businessId={businessId}
              today={today}
              explained={explained.has(findingKey(f))}
              place="rule"
              actions={actions}
            />
          )}
        />
      ) : null}
    </li>
  );
}

/**
 * The findings of one subject, with what can be done about them: checklists, "Show on page", accept, and
 * its record in the ledger. Opened from a finding (its subject's name) or by a badge on the page (`focus`).
 */
function SubjectCard({
  group,
  focused,
  cardRef,
  locale,
  businessId,
  runs,
  assets,
  temporaryUntil,
  today,
  explained,
  actions,
  onClose,
}: {
  group: Group;
  focused: boolean;
  cardRef: React.Ref<HTMLDivElement>;
  locale: UiLocale;
  businessId: string | undefined;
  runs: TabStateRuns;
  assets: AssetGrant[];
  temporaryUntil: string | undefined;
  today: string;
  explained: ReadonlySet<string>;
  actions: FindingActions;
  onClose(): void;
}) {
  const t = catalogue(locale).panel;
  return (
    <div
      className={`group${focused ? ' focused' : ''}`}
      data-group-subject={group.subject}
      tabIndex={-1}
      role="region"
      aria-label={group.name}
      ref={cardRef}
    >
      <div className="group-head">
        <h3 className="group-name">{group.name}</h3>
        <button type="button" onClick={onClose}>
          {catalogue(locale).panelLists.closeSubject}
        </button>
      </div>
      {businessId ? (
        <StartChecklist
          businessId={businessId}
          subject={group.subject}
          name={group.name}
          locale={locale}
          runs={runs}
        />
      ) : null}
      {group.findings.map((f) => (
        <FindingRow
          key={findingKey(f)}
          finding={f}
          locale={locale}
          businessId={businessId}
          today={today}
          explained={explained.has(findingKey(f))}
          place="subject"
          actions={actions}
        />
      ))}
      {businessId && !group.findings.every((f) => f.ruleId.startsWith('invite-')) ? (
        <details className="record">
          <summary>{t.record}</summary>
          <SubjectLedger
            businessId={businessId}
            subject={group.subject}
            name={group.name}
            assets={assets}
            temporaryUntil={temporaryUntil}
            today={today}
          />
        </details>
      ) : null}
    </div>
  );
}

type TabStateRuns = Parameters<typeof StartChecklist>[0]['runs'];

/** A set with one member added or taken out (a new set, for React state). */
function toggled(set: ReadonlySet<string>, member: string): Set<string> {
  const next = new Set(set);
  if (!next.delete(member)) next.add(member);
  return next;
}

export function Findings() {
  const { ask } = useApi();
  const { findings, failedRules, locale, focus, snapshot, runs } = usePanelStore((s) => s.state);
  const refusal = useRefusal(locale);
  const t = catalogue(locale).panel;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [explained, setExplained] = useState<ReadonlySet<string>>(() => new Set());
  const [selected, setSelected] = useState<string | undefined>(undefined);
  const card = useRef<HTMLElement | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  // Derived once per state: the groups by rule, the open subject's findings and its principal.
  const byRule = useMemo(() => groupByRule(findings), [findings]);
  const group = useMemo(
    () => (selected ? subjectFindings(findings, selected) : undefined),
    [findings, selected],
  );
  const principal = useMemo(() => {
    const subject = selected;
    return subject ? snapshot?.principals.find((p) => getSubjectKey(p) === subject) : undefined;
  }, [selected, snapshot]);
  // A badge (or a notification) asked for a subject: its card opens, scrolled to and focused.
  const [scrollCard, setScrollCard] = useState(0);
  // Keyed by the request (its time), not by the state that carries it: a new state does not scroll again.
  const focusSubject = focus?.subject;
  const focusAt = focus?.at;
  useEffect(() => {
    if (focusSubject === undefined) return;
    setSelected(focusSubject);
    setScrollCard((n) => n + 1);
  }, [focusSubject, focusAt]);
  useEffect(() => {
    if (scrollCard === 0) return;
    card.current?.scrollIntoView({ block: 'start' });
    card.current?.focus();
  }, [scrollCard]);
  const { check } = refusal;
  const actions = useMemo<FindingActions>(
    () => ({
      explain: (key) => setExplained((s) => toggled(s, key)),
      show: (subject) => void ask('focusSubject', subject).then(check),
      openSubject: (subject) => {
        opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        setSelected(subject);
        setScrollCard((n) => n + 1);
      },
    }),
    [ask, check],
  );
  const onToggle = useCallback((ruleId: string) => setExpanded((s) => toggled(s, ruleId)), []);
  const { open, counts } = useMemo(() => {
    const counts = { high: 0, medium: 0, low: 0 };
    let open = 0;
    for (const f of findings) {
      if (f.accepted) continue;
      open++;
      counts[f.severity]++;
    }
    return { open, counts };
  }, [findings]);
  const count = (s: Finding['severity']) => counts[s];
  const acceptedCount = findings.length - open;
  const today = new Date().toISOString().slice(0, 10);
  const businessId = snapshot?.businessId;
  return (
    <section className="section" aria-labelledby="findings-title">
      <h2 id="findings-title">{t.findings}</h2>
      <p className="summary" data-summary={`${count('high')}/${count('medium')}/${count('low')}`}>
        {open === 0 ? t.clean : t.summary(count('high'), count('medium'), count('low'))}
        {acceptedCount > 0 ? t.accepted(acceptedCount) : ''}
      </p>
      {failedRules.map((r) => (
        <p key={r.ruleId} role="alert" className="rule-failed">
          {t.ruleFailed(r.ruleId)}
        </p>
      ))}
      {refusal.shown}
      {group ? (
        <SubjectCard
          key={group.subject}
          group={group}
          focused={focus?.subject === group.subject}
          cardRef={(el) => {
            card.current = el;
          }}
          locale={locale}
          businessId={businessId}
          runs={runs}
          assets={principal?.assets ?? []}
          temporaryUntil={principal?.temporaryUntil}
          today={today}
          explained={explained}
          actions={actions}
          onClose={() => {
            setSelected(undefined);
            // Back to the finding it was opened from, when that is still shown.
            if (opener.current?.isConnected) opener.current.focus();
          }}
        />
      ) : null}
      {byRule.length > 0 ? (
        <ul className="rule-groups" aria-label={catalogue(locale).panelLists.byRule}>
          {byRule.map((g) => (
            <RuleGroupItem
              key={g.ruleId}
              group={g}
              open={expanded.has(g.ruleId)}
              onToggle={onToggle}
              locale={locale}
              businessId={businessId}
              today={today}
              explained={explained}
              actions={actions}
            />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
