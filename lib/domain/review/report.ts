// lib/domain/ledger is pure domain code; the alias keeps ESLint's '../ledger/*' guard (lib/ledger) from matching it.

import { canonicalJson, sha256Hex } from '@/lib/domain/ledger/canonical';
import { csvCell } from '@/lib/domain/ledger/export';
import type { ReviewCampaign, ReviewItem } from './campaign';
import { followUpState, summarise, type CampaignSummary } from './summary';

/**
 * The auditor's report of a campaign (issue 14, item 5), as data: a plain JSON object an extension page
 * renders, offered for download as it is, and hashed. Its SHA-256 is over the ledger's canonical JSON of
 * exactly this object (lib/domain/ledger/canonical.ts: keys sorted, no white space), so anyone can
 * recompute it from the downloaded JSON: `sha256(canonicalJson(report))`.
 */

export interface ReportIntegrity {
  /** The head of this installation's decision chain when the report was made. */
  chainHead: string | null;
  /** The fingerprint of this installation's signing key. */
  keyFingerprint?: string;
}

export interface CampaignReport {
  format: 'scopekeeper-access-review';
  version: 1;
  businessId: string;
  businessName?: string;
  campaignId: string;
  period: { start: string; end?: string };
  startedBy: string;
  signOff?: { reviewer: string; role: string; at: string };
  source: ReviewCampaign['source'];
  previousCampaignId?: string;
  summary: CampaignSummary;
  completeness: ReviewCampaign['requirements'];
  delta: {
    new: string[];
    changed: string[];
    removed: ReviewCampaign['removed'];
  };
  items: (ReviewItem & { followUp?: 'verified' | 'waiting' | 'overdue' })[];
  integrity: ReportIntegrity;
  generatedAt: string;
}

export function campaignReport(
  campaign: ReviewCampaign,
  integrity: ReportIntegrity,
  now: Date,
  businessName?: string,
): CampaignReport {
  return {
    format: 'scopekeeper-access-review',
    version: 1,
    businessId: campaign.businessId,
    ...(businessName ? { businessName } : {}),
    campaignId: campaign.id,
    period: {
      start: campaign.startedAt,
      ...(campaign.signOff ? { end: campaign.signOff.at } : {}),
    },
    startedBy: campaign.startedBy,
    ...(campaign.signOff
      ? {
          signOff: {
            reviewer: campaign.signOff.reviewer,
            role: campaign.signOff.role,
            at: campaign.signOff.at,
          },
        }
      : {}),
    source: campaign.source,
    ...(campaign.previousId ? { previousCampaignId: campaign.previousId } : {}),
    summary: summarise(campaign, now),
    completeness: campaign.requirements,
    delta: {
      new: campaign.items.filter((item) => item.delta === 'new').map((item) => item.id),
      changed: campaign.items.filter((item) => item.delta === 'changed').map((item) => item.id),
      removed: campaign.removed,
    },
    items: campaign.items.map((item) => {
      const followUp = followUpState(item, now);
      return followUp ? { ...item, followUp } : item;
    }),
    integrity,
    generatedAt: now.toISOString(),
  };
}

/** The report's SHA-256: over its canonical JSON (recompute it from the JSON file the same way). */
export function reportHash(report: CampaignReport): Promise<string> {
  return sha256Hex(canonicalJson(report));
}

const ROSTER_HEADER = [
  'account',
  'emailOrBusinessId',
  'type',
  'access',
  'asset',
  'decision',
  'rationale',
  'reviewer',
  'date',
  'verified',
] as const;

function accessText(item: ReviewItem): string {
  const access = item.access;
  if (access.kind === 'portfolio') return `portfolio:${access.level}${access.pending ? ' (pending)' : ''}`;
  return access.tasks.length > 0 ? `${access.access}:${access.tasks.join('+')}` : access.access;
}

/**
 * The roster GRC tools import (account, e-mail or Business ID, access, asset, decision, reviewer, date),
 * one row per access; RFC 4180 with CRLF, formulas neutralised as in the ledger's CSV (csvCell).
 */
export function rosterCsv(campaign: ReviewCampaign): string {
  const rows = campaign.items.map((item) => [
    item.name,
    item.email ?? '',
    item.principalKind,
    accessText(item),
    item.access.kind === 'asset'
      ? `${item.access.asset.type}:${item.access.asset.name}${item.access.asset.id ? ` (${item.access.asset.id})` : ''}`
      : '',
    item.decision?.kind ?? '',
    item.decision?.rationale ?? '',
    item.decision?.reviewer ?? '',
    item.decision?.at ?? '',
    item.verified ? `${item.verified.at} ${item.verified.page}` : '',
  ]);
  return [ROSTER_HEADER, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
