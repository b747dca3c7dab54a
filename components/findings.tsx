import { useEffect, useRef } from 'react';
import type { Finding } from '@/lib/domain/rules/types';
import { severityRank } from '@/lib/domain/rules';
import { getSubjectKey } from '@/lib/domain/snapshot';
import { catalogue } from '@/lib/domain/i18n';
import { useApi } from './api';
import { StartChecklist } from './checklists';
import { AcceptFinding, SubjectLedger } from './subject-ledger';
import { usePanelStore } from './panel-store';
import { useRefusal } from './refusal';

interface Group {
  subject: string;
  name: string;
  findings: Finding[];
}

/** Findings grouped by subject, the group with the most severe finding first. */
export function groupFindings(
  findings: readonly Finding[],
  onPage: ReadonlySet<string> = new Set(),
): Group[] {
  // Live warnings about an open dialog come first: they are about what is being granted right now.
  // Then whoever is on the page being looked at, then what was read on other pages of the business.
  const live = (g: Group) =>
    g.findings.some((f) => f.ruleId.startsWith('invite-')) ? 0 : onPage.has(g.subject) ? 1 : 2;
  const groups = new Map<string, Group>();
  for (const finding of findings) {
    const group = groups.get(finding.subject) ?? {
      subject: finding.subject,
      name: finding.subjectName,
      findings: [],
    };
    group.findings.push(finding);
    groups.set(finding.subject, group);
  }
  const worst = (g: Group) => Math.min(...g.findings.map((f) => severityRank[f.severity]));
  for (const group of groups.values())
    group.findings.sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
  return [...groups.values()].sort(
    (a, b) => live(a) - live(b) || worst(a) - worst(b) || b.findings.length - a.findings.length,
  );
}

export function Findings() {
  const { ask } = useApi();
  const { findings, failedRules, locale, focus, snapshot, runs } = usePanelStore((s) => s.state);
  const refusal = useRefusal(locale);
  const onShow = (subject: string) => void ask('focusSubject', subject).then(refusal.check);
  const onPage = new Set(snapshot?.principals.map(getSubjectKey));
  const t = catalogue(locale).panel;
  const refs = useRef(new Map<string, HTMLElement>());
  useEffect(() => {
    if (!focus) return;
    const el = refs.current.get(focus.subject);
    el?.scrollIntoView({ block: 'start' });
    el?.focus();
  }, [focus]);
  const open = findings.filter((f) => !f.accepted);
  const count = (s: Finding['severity']) => open.filter((f) => f.severity === s).length;
  const acceptedCount = findings.length - open.length;
  const today = new Date().toISOString().slice(0, 10);
  const businessId = snapshot?.businessId;
  return (
    <section className="section" aria-labelledby="findings-title">
      <h2 id="findings-title">{t.findings}</h2>
      <p className="summary" data-summary={`${count('high')}/${count('medium')}/${count('low')}`}>
        {open.length === 0 ? t.clean : t.summary(count('high'), count('medium'), count('low'))}
        {acceptedCount > 0 ? t.accepted(acceptedCount) : ''}
      </p>
      {failedRules.map((r) => (
        <p key={r.ruleId} role="alert" className="rule-failed">
          {t.ruleFailed(r.ruleId)}
        </p>
      ))}
      {refusal.shown}
      {groupFindings(findings, onPage).map((group) => (
        <div
          key={group.subject}
          className={`group${focus?.subject === group.subject ? ' focused' : ''}`}
          data-group-subject={group.subject}
          tabIndex={-1}
          ref={(el) => {
            if (el) refs.current.set(group.subject, el);
            else refs.current.delete(group.subject);
          }}
        >
          <h3 className="group-name">{group.name}</h3>
          {businessId ? (
            <StartChecklist
              businessId={businessId}
              subject={group.subject}
              name={group.name}
              locale={locale}
              runs={runs}
            />
          ) : null}
          {group.findings.map((f, i) => (
            <article
              key={`${f.ruleId}:${f.asset?.name ?? ''}:${i}`}
              className={`finding severity-${f.severity}${f.accepted ? ' accepted' : ''}`}
              data-rule-id={f.ruleId}
              data-severity={f.severity}
              data-subject={f.subject}
              {...(f.accepted ? { 'data-accepted': 'true' } : {})}
            >
              <div className="finding-head">
                <span className={`sev sev-${f.severity}`}>{t.severity[f.severity]}</span>
                <span className="rule-id">{f.ruleId}</span>
              </div>
              <p className="message">{f.message}</p>
              <p className="why">
                <strong>{t.label(t.why)}</strong>
                {f.why}
              </p>
              <p className="fix">
                <strong>{t.label(t.fix)}</strong>
                {f.fix}
              </p>
              {f.accepted ? <p className="accepted-note">{t.acceptedUntil(f.accepted.until)}</p> : null}
              <div className="finding-actions">
                <button type="button" onClick={() => onShow(f.subject)}>
                  {t.showOnPage}
                </button>
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
            </article>
          ))}
          {businessId && !group.findings.every((f) => f.ruleId.startsWith('invite-')) ? (
            <details className="record">
              <summary>{t.record}</summary>
              <SubjectLedger
                businessId={businessId}
                subject={group.subject}
                name={group.name}
                assets={snapshot?.principals.find((p) => getSubjectKey(p) === group.subject)?.assets ?? []}
                temporaryUntil={
                  snapshot?.principals.find((p) => getSubjectKey(p) === group.subject)?.temporaryUntil
                }
                today={today}
              />
            </details>
          ) : null}
        </div>
      ))}
    </section>
  );
}
