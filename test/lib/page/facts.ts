import { getSubjectKey, type PageSnapshot, type Principal } from '@/lib/domain/snapshot';
import type { SandboxAssignment, SandboxPortfolio } from '../../sandbox/portfolio';

/**
 * The facts a page shows, as the reader tests compare them (metamorphic.test.ts, fixtures.test.ts): a
 * projection of the snapshot: who (subject key, kind, name, Business ID / ID), with which portfolio access,
 * pending, "(you)", end date, and the selected subject's assets with access and tasks. `expected…` compute
 * them from a sandbox portfolio's description, never from the reader, so a structure cannot pass by being
 * read as wrongly as another; `readFacts` projects a snapshot the same way.
 */

export type AssetFact = [type: string, name: string, access: string, tasks: string[]];

export interface Fact {
  key: string;
  kind: Principal['kind'];
  /** Left out for a pending invitee: several structures show the invited e-mail as the name. */
  name?: string;
  id?: string;
  portfolioAccess?: string;
  pending: boolean;
  isCurrentUser: boolean;
  temporaryUntil?: string;
  assets: AssetFact[];
}

/**
 * A saved fixture's expected facts (test/fixtures/reader/<name>.facts.json), beside its HTML: written by
 * scripts/save-fixtures.ts from the sandbox portfolio's description, or by hand for hand-written markup.
 */
export interface SavedFacts {
  source: 'sandbox' | 'hand-written';
  /** What the page is: a list with nothing selected (every row a principal), a list with one subject's
   * pane, or an asset page with its holders. */
  shows: 'list' | 'pane' | 'asset';
  /** The sandbox structures the page is rendered in (none for hand-written markup). */
  structures: { list?: string; pane?: string };
  locale: 'en' | 'sv' | 'fr';
  url: string;
  readStatus: 'ok' | 'partial' | 'unreadable';
  facts: Fact[];
}

// ---------- the facts the portfolio description says ----------

/** Names lose their hidden format characters when read (read-hidden-characters.test.ts). */
function shownName(name: string): string {
  return name.replace(/\p{Cf}/gu, '').trim();
}

export function assetFact(p: SandboxPortfolio, grant: SandboxAssignment): AssetFact {
  const asset = p.assets.find((a) => a.id === grant.asset)!;
  if (grant.full === true) return [asset.type, asset.name, 'full', []];
  if (grant.full === 'except-sensitive') return [asset.type, asset.name, 'full-except-sensitive', []];
  return [asset.type, asset.name, 'partial', [...grant.tasks].sort()];
}

export function sortFacts(facts: Fact[]): Fact[] {
  return facts
    .map((f) => ({
      ...f,
      assets: [...f.assets].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

function clean(fact: Fact): Fact {
  return Object.fromEntries(Object.entries(fact).filter(([, v]) => v !== undefined)) as unknown as Fact;
}

export function expectedPeople(p: SandboxPortfolio, selectedId: string): Fact[] {
  return sortFacts(
    p.people.map((person) =>
      clean({
        key: `person:${person.email.toLowerCase()}`,
        kind: 'person',
        name: person.pending ? undefined : shownName(person.name),
        portfolioAccess: person.access,
        pending: person.pending,
        isCurrentUser: person.id === p.currentUserId,
        temporaryUntil: person.temporaryUntil,
        assets: person.id === selectedId ? person.assets.map((g) => assetFact(p, g)) : [],
      }),
    ),
  );
}

export function expectedPartners(p: SandboxPortfolio, selectedId: string): Fact[] {
  return sortFacts(
    p.partners.map((partner) =>
      clean({
        key: `partner:${partner.businessId}`,
        kind: 'partner',
        name: shownName(partner.name),
        id: partner.businessId,
        pending: false,
        isCurrentUser: false,
        assets: partner.businessId === selectedId ? partner.assets.map((g) => assetFact(p, g)) : [],
      }),
    ),
  );
}

export function expectedSystemUsers(p: SandboxPortfolio, selectedId: string): Fact[] {
  return sortFacts(
    p.systemUsers.map((u) =>
      clean({
        key: `system-user:${u.id}`,
        kind: 'system-user',
        name: shownName(u.name),
        id: u.id,
        portfolioAccess: u.role === 'admin' ? 'full-control' : 'basic',
        pending: false,
        isCurrentUser: false,
        assets: u.id === selectedId ? u.assets.map((g) => assetFact(p, g)) : [],
      }),
    ),
  );
}

/** An asset page shows who holds the asset and how: not portfolio access, pending or "(you)". */
export function expectedHolders(p: SandboxPortfolio, assetId: string): Fact[] {
  const grantOf = (assets: SandboxAssignment[]) => assets.find((g) => g.asset === assetId);
  return sortFacts([
    ...p.people
      .filter((x) => grantOf(x.assets))
      .map((x) =>
        clean({
          key: `person:${x.email.toLowerCase()}`,
          kind: 'person',
          name: x.pending ? undefined : shownName(x.name),
          pending: false,
          isCurrentUser: false,
          assets: [assetFact(p, grantOf(x.assets)!)],
        }),
      ),
    ...p.partners
      .filter((x) => grantOf(x.assets))
      .map((x) =>
        clean({
          key: `partner:${x.businessId}`,
          kind: 'partner',
          name: shownName(x.name),
          id: x.businessId,
          pending: false,
          isCurrentUser: false,
          assets: [assetFact(p, grantOf(x.assets)!)],
        }),
      ),
  ]);
}

// ---------- the facts a snapshot says ----------

export function readFacts(snapshot: PageSnapshot, pendingKeys: Set<string>): Fact[] {
  return sortFacts(
    snapshot.principals.map((principal) => {
      const key = getSubjectKey(principal);
      return clean({
        key,
        kind: principal.kind,
        name: pendingKeys.has(key) ? undefined : principal.name,
        id:
          principal.kind === 'partner'
            ? principal.businessId
            : principal.kind === 'system-user'
              ? principal.id
              : undefined,
        portfolioAccess: principal.portfolioAccess,
        pending: principal.pending,
        isCurrentUser: principal.isCurrentUser,
        temporaryUntil: principal.temporaryUntil,
        assets: principal.assets.map((a) => [a.type, a.name, a.access, [...a.tasks].sort()] as AssetFact),
      });
    }),
  );
}

/** One line per difference, so a failure says what the reader got wrong rather than dumping two trees. */
export function factDiff(actual: Fact[], expected: Fact[]): string[] {
  const lines: string[] = [];
  const byKey = new Map(actual.map((f) => [f.key, f]));
  for (const want of expected) {
    const got = byKey.get(want.key);
    byKey.delete(want.key);
    if (!got) {
      lines.push(`missing ${want.key}`);
      continue;
    }
    const fields = new Set([...Object.keys(want), ...Object.keys(got)]) as Set<keyof Fact>;
    for (const field of fields) {
      const [g, w] = [JSON.stringify(got[field]), JSON.stringify(want[field])];
      if (g !== w) lines.push(`${want.key} ${field}: read ${g ?? 'nothing'}, expected ${w ?? 'nothing'}`);
    }
  }
  for (const extra of byKey.keys()) lines.push(`extra ${extra}`);
  return lines;
}
