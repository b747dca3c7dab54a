import type { AssetType, TaskKey } from '../../lib/domain/snapshot';
import { AtomicStyles } from './atomic';
import { Markup, type Attrs, type Child } from './markup';
import { PaneRenderer, type PaneSubject } from './panes';
import type { SandboxAssignment, SandboxPerson, SandboxPortfolio } from './portfolio';
import { applyEdit, loadEdits, saveEdits } from './edits';
import { ATTACKER, ATTACKER_PARTNER, loadTakeover, saveTakeover, takeoverStrings } from './takeover';
import { sandboxStrings, tasksByAssetType, type SandboxStrings } from './strings';
import { SecurityRenderer, securityStrings } from './security';
import { getStructures, type ListStructure, type Structures } from './structures';

/**
 * The Business Settings sandbox: renders a portfolio the way research/meta-business-settings.md §1 and §5
 * describe Business Settings, and is as unhelpful to a reader as the real thing: generated atomic class
 * names, div[role=button] controls, no data-testid, rows that arrive late and in batches, SPA navigation
 * by history.pushState, and the same portfolio in several list and detail-pane structures (structures.ts).
 */

type Section =
  | { kind: 'people' | 'partners' | 'system-users'; selectedId?: string }
  | { kind: 'asset'; assetType: AssetType; selectedId?: string }
  | { kind: 'business-info' }
  | { kind: 'security-center' }
  | { kind: 'home' };

/** A section with a list (and a detail pane). */
type ListSection = Exclude<Section, { kind: 'home' | 'business-info' | 'security-center' }>;

interface Route {
  layout: 'latest' | 'classic';
  section: Section;
  businessId?: string;
  modal?: 'invite_people' | 'add_partner';
}

const latestSections: Record<string, Section> = {
  business_users: { kind: 'people' },
  people: { kind: 'people' },
  partners: { kind: 'partners' },
  system_users: { kind: 'system-users' },
  pages: { kind: 'asset', assetType: 'page' },
  ad_accounts: { kind: 'asset', assetType: 'ad-account' },
  instagram_account: { kind: 'asset', assetType: 'instagram' },
  whatsapp_account: { kind: 'asset', assetType: 'whatsapp' },
  apps: { kind: 'asset', assetType: 'app' },
  events_dataset_and_pixel: { kind: 'asset', assetType: 'dataset' },
  product_catalogs: { kind: 'asset', assetType: 'catalog' },
  business_info: { kind: 'business-info' },
  security_center: { kind: 'security-center' },
};
const classicSections: Record<string, Section> = {
  people: { kind: 'people' },
  partners: { kind: 'partners' },
  'system-users': { kind: 'system-users' },
  pages: { kind: 'asset', assetType: 'page' },
  'ad-accounts': { kind: 'asset', assetType: 'ad-account' },
  'instagram-accounts': { kind: 'asset', assetType: 'instagram' },
  'whatsapp-business-accounts': { kind: 'asset', assetType: 'whatsapp' },
  apps: { kind: 'asset', assetType: 'app' },
  pixels: { kind: 'asset', assetType: 'dataset' },
  'product-catalogs': { kind: 'asset', assetType: 'catalog' },
  security: { kind: 'security-center' },
  security_center: { kind: 'security-center' },
};
const latestPathOf: Record<string, string> = {
  people: 'business_users',
  partners: 'partners',
  'system-users': 'system_users',
  page: 'pages',
  'ad-account': 'ad_accounts',
  instagram: 'instagram_account',
  whatsapp: 'whatsapp_account',
  app: 'apps',
  dataset: 'events_dataset_and_pixel',
  catalog: 'product_catalogs',
  'business-info': 'business_info',
  'security-center': 'security_center',
};
const classicPathOf: Record<string, string> = {
  people: 'people',
  partners: 'partners',
  'system-users': 'system-users',
  page: 'pages',
  'ad-account': 'ad-accounts',
  instagram: 'instagram-accounts',
  whatsapp: 'whatsapp-business-accounts',
  app: 'apps',
  dataset: 'pixels',
  catalog: 'product-catalogs',
  // The classic layout has no known Business info address (research/meta-business-settings.md).
  'security-center': 'security',
};
const assetUrlType: Record<AssetType, string> = {
  page: 'page',
  'ad-account': 'ad-account',
  instagram: 'instagram-account',
  whatsapp: 'whatsapp-business-account',
  app: 'app',
  dataset: 'events-dataset-new',
  catalog: 'catalog',
};

export function parseSandboxRoute(url: URL): Route {
  const parts = url.pathname.split('/').filter(Boolean);
  const businessId = url.searchParams.get('business_id') ?? undefined;
  const modalParam = url.searchParams.get('modal');
  const modal = modalParam === 'invite_people' || modalParam === 'add_partner' ? modalParam : undefined;
  if (parts[0] === 'latest' && parts[1] === 'settings') {
    const base = parts[2] ? latestSections[parts[2]] : { kind: 'home' as const };
    const section = base ? { ...base } : { kind: 'home' as const };
    if (section.kind !== 'home' && section.kind !== 'business-info' && section.kind !== 'security-center') {
      (section as { selectedId?: string }).selectedId =
        url.searchParams.get('selected_user_id') ??
        url.searchParams.get('selected_partner_id') ??
        url.searchParams.get('selected_asset_id') ??
        undefined;
    }
    return { layout: 'latest', section, businessId, modal };
  }
  if (parts[0] === 'settings') {
    const base = parts[1] ? classicSections[parts[1]] : undefined;
    const section = base ? { ...base } : { kind: 'home' as const };
    if (
      section.kind !== 'home' &&
      section.kind !== 'security-center' &&
      section.kind !== 'business-info' &&
      parts[2]
    )
      (section as { selectedId?: string }).selectedId = parts[2];
    return { layout: 'classic', section, businessId, modal };
  }
  return { layout: 'latest', section: { kind: 'home' }, businessId, modal };
}

interface DialogState {
  kind: 'invite' | 'partner';
  step: number;
  email: string;
  access: 'full-control' | 'partial';
  temporary: boolean;
  until: string;
  partnerChoice: 'give' | 'ask';
  partnerId: string;
  grants: Map<string, { full: boolean; tasks: Set<TaskKey> }>;
  done: boolean;
}

export interface SandboxOptions {
  /** Render everything at once (unit tests), or like the live site: late rows, scroll batches. */
  mode: 'sync' | 'live';
}

export class SandboxApp {
  readonly styles: AtomicStyles;
  /** The list and pane structures this page load renders in. */
  readonly structures: Structures;
  private readonly t: SandboxStrings;
  private readonly m: Markup;
  private readonly panes: PaneRenderer;
  /** Whether dates carry a machine-readable <time> (not in the list structures that show text only). */
  private readonly machineDates: boolean;
  private route: Route;
  private dialog: DialogState | undefined;
  private mainEl!: HTMLElement;
  private navEl!: HTMLElement;
  private dialogHost!: HTMLElement;
  /** The sandbox's own controls (demo portfolios only), drawn again when the page changes. */
  private controlsEl: HTMLElement | undefined;
  private renderToken = 0;
  /** What the People search field holds (lower case): the list shows only the people who match. */
  private search = '';
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly doc: Document,
    readonly portfolio: SandboxPortfolio,
    private readonly options: SandboxOptions,
  ) {
    this.styles = new AtomicStyles(portfolio.buildSeed);
    this.t = sandboxStrings[portfolio.locale];
    this.structures = getStructures(portfolio);
    this.machineDates = this.structures.list !== 'list' && this.structures.list !== 'labelled-rows';
    this.m = new Markup(doc, this.styles, portfolio.locale);
    this.panes = new PaneRenderer(this.m, this.t, portfolio.assets, this.structures.pane, this.machineDates);
    this.route = parseSandboxRoute(new URL(doc.location.href));
  }

  /** Builds the whole page. */
  start(): void {
    const { doc } = this;
    doc.documentElement.lang = this.portfolio.locale;
    doc.title = `${this.t.businessSettings} | ${this.t.metaBusiness}`;
    this.styles.mount(doc);
    doc.body.className = this.styles.cls(
      'margin:0;font-family:Helvetica,Arial,sans-serif;font-size:15px;color:#1c1e21;background:#f0f2f5',
    );
    const root = this.el('div', { id: 'mount_0_0_' + this.styles.cls('x').slice(1, 4) });
    root.className = this.styles.cls('display:flex;flex-direction:column;height:100vh');
    root.append(this.renderBanner());
    if (this.portfolio.demoControls) root.append((this.controlsEl = this.renderDemoControls()));
    const body = this.el('div', { class: 'display:flex;flex:1;min-height:0' });
    this.navEl = this.el('div', {
      role: 'navigation',
      'aria-label': this.t.businessSettings,
      class: 'width:260px;background:#fff;border-right:1px solid #dadde1;overflow:auto;padding:8px 0',
    });
    this.mainEl = this.el('div', {
      role: 'main',
      class: 'flex:1;display:flex;min-width:0;min-height:0',
    });
    body.append(this.navEl, this.mainEl);
    root.append(body);
    this.dialogHost = this.el('div', {});
    doc.body.replaceChildren(root, this.dialogHost);
    doc.defaultView?.addEventListener('popstate', () => this.onLocation());
    this.onLocation();
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Test hook: the invitee accepted (the pending row becomes a normal one). */
  acceptInvitation(email: string): boolean {
    const person = this.portfolio.people.find((p) => p.email.toLowerCase() === email.toLowerCase());
    if (!person || !person.pending) return false;
    person.pending = false;
    this.renderMain();
    return true;
  }

  /** Test hook: removes a person (offboarding happened elsewhere). */
  removePerson(email: string): boolean {
    const before = this.portfolio.people.length;
    this.portfolio.people = this.portfolio.people.filter(
      (p) => p.email.toLowerCase() !== email.toLowerCase(),
    );
    this.renderMain();
    return this.portfolio.people.length < before;
  }

  /** Test hook: removes a partner (offboarding happened elsewhere). */
  removePartner(businessId: string): boolean {
    const before = this.portfolio.partners.length;
    this.portfolio.partners = this.portfolio.partners.filter((p) => p.businessId !== businessId);
    this.renderMain();
    return this.portfolio.partners.length < before;
  }

  navigate(url: string): void {
    this.doc.defaultView?.history.pushState({}, '', url);
    this.onLocation();
  }

  private onLocation(): void {
    this.route = parseSandboxRoute(new URL(this.doc.location.href));
    this.renderNav();
    this.renderMain();
    this.syncDialogWithRoute();
    this.refreshControls();
  }

  private refreshControls(): void {
    if (!this.controlsEl) return;
    const next = this.renderDemoControls();
    this.controlsEl.replaceWith(next);
    this.controlsEl = next;
  }

  /**
   * Switches access off as an admin does in Business Settings (edits.ts): one task of an asset, or the whole
   * asset, taken from a person (by e-mail), partner (Business ID) or system user (ID). Kept for reloads when
   * the portfolio has demo controls. Whether it changed anything.
   */
  switchOffAccess(holder: string, asset: string, task?: TaskKey): boolean {
    const edit = { holder, asset, ...(task ? { task } : {}) };
    if (!applyEdit(this.portfolio, edit)) return false;
    if (this.portfolio.demoControls) {
      const storage = this.doc.defaultView?.localStorage;
      saveEdits(storage, this.portfolio.businessId, [...loadEdits(storage, this.portfolio.businessId), edit]);
    }
    this.renderMain();
    this.refreshControls();
    return true;
  }

  /** The selected person, partner or system user: its key for switchOffAccess, its name and assets. */
  private selectedHolder(): { key: string; assets: SandboxAssignment[] } | undefined {
    const s = this.route.section;
    if (s.kind === 'people') {
      const p = this.portfolio.people.find((x) => x.id === s.selectedId);
      return p && { key: p.email, assets: p.assets };
    }
    if (s.kind === 'partners') {
      const p = this.portfolio.partners.find((x) => x.businessId === s.selectedId);
      return p && { key: p.businessId, assets: p.assets };
    }
    if (s.kind === 'system-users') {
      const u = this.portfolio.systemUsers.find((x) => x.id === s.selectedId);
      return u && { key: u.id, assets: u.assets };
    }
    return undefined;
  }

  private later(fn: () => void, ms: number): void {
    if (this.options.mode === 'sync') {
      fn();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  // ---------- DOM helpers (text only: names are never parsed as HTML) ----------

  /** Drops the absent children of a conditional list. */
  private present<T extends Node | string>(...children: (T | null | undefined | false)[]): T[] {
    return this.m.present(...children);
  }

  private el(tag: string, attrs: Attrs, ...children: Child[]): HTMLElement {
    return this.m.el(tag, attrs, ...children);
  }

  private button(label: string, onClick: () => void, primary = false): HTMLElement {
    const btn = this.el(
      'div',
      {
        role: 'button',
        tabindex: 0,
        class: primary
          ? 'display:inline-flex;align-items:center;padding:0 12px;height:36px;border-radius:6px;background:#0866ff;color:#fff;font-weight:600;cursor:pointer'
          : 'display:inline-flex;align-items:center;padding:0 12px;height:36px;border-radius:6px;background:#e4e6eb;color:#050505;font-weight:600;cursor:pointer',
        onclick: (e) => {
          e.preventDefault();
          onClick();
        },
        onkeydown: (e) => {
          if ((e as KeyboardEvent).key === 'Enter' || (e as KeyboardEvent).key === ' ') onClick();
        },
      },
      this.el('span', {}, label),
    );
    return btn;
  }

  /** A small action inside a row: its click must not select the row. */
  private rowAction(label: string, onClick: () => void): HTMLElement {
    return this.el(
      'div',
      {
        role: 'button',
        tabindex: 0,
        class: 'display:inline-block;margin-left:8px;color:#0866ff;font-size:13px;cursor:pointer',
        onclick: (e) => {
          e.stopPropagation();
          onClick();
        },
      },
      label,
    );
  }

  private heading(level: number, text: string, css = 'font-weight:700'): HTMLElement {
    return this.m.heading(level, text, css);
  }

  private href(kind: string, selectedId?: string, assetType?: AssetType): string {
    const b = this.portfolio.businessId;
    if (this.route.layout === 'classic') {
      return `/settings/${classicPathOf[kind]}${selectedId ? `/${selectedId}` : ''}?business_id=${b}`;
    }
    let url = `/latest/settings/${latestPathOf[kind]}?business_id=${b}`;
    if (selectedId) {
      if (kind === 'people' || kind === 'system-users') url += `&selected_user_id=${selectedId}`;
      else if (kind === 'partners') url += `&selected_partner_id=${selectedId}`;
      else url += `&selected_asset_id=${selectedId}&selected_asset_type=${assetUrlType[assetType ?? 'page']}`;
    }
    return url;
  }

  private link(text: string, url: string, css: string, current = false): HTMLElement {
    return this.el(
      'a',
      {
        href: url,
        class: css,
        'aria-current': current ? 'page' : undefined,
        onclick: (e) => {
          e.preventDefault();
          this.navigate(url);
        },
      },
      text,
    );
  }

  // ---------- chrome ----------

  private renderBanner(): HTMLElement {
    return this.el(
      'div',
      {
        role: 'banner',
        class:
          'display:flex;align-items:center;gap:12px;height:56px;padding:0 16px;background:#fff;border-bottom:1px solid #dadde1',
      },
      this.el('div', { class: 'width:32px;height:32px;border-radius:50%;background:#0866ff' }),
      this.el('div', { class: 'font-weight:700;font-size:17px' }, this.t.metaBusiness),
      this.el('div', { class: 'color:#65676b' }, '›'),
      this.el('div', { class: 'font-weight:600' }, this.t.businessSettings),
      ...(this.switcherInNav() ? [] : [this.renderSwitcher()]),
    );
  }

  /** Where the business switcher is: the banner, or the left navigation's header (BizKitLeftNavHeader). */
  private switcherInNav(): boolean {
    return this.structures.list === 'list' || this.structures.list === 'labelled-rows';
  }

  /**
   * The business switcher (data-pagelet="BizKitPresenceSelector", research/meta-markup-evidence.md): the
   * portfolio's name in a div[role=button], with or without a small "Business portfolio" label before it
   * and the ID after it, by structure. The name is text written by the portfolio's owner.
   */
  private renderSwitcher(): HTMLElement {
    const labelled = this.structures.pane === 'plain-labels' || this.structures.pane === 'flat';
    const withId = this.structures.pane === 'details' || this.structures.pane === 'div-switches';
    return this.el(
      'div',
      {
        'data-pagelet': 'BizKitPresenceSelector',
        class: this.switcherInNav()
          ? 'padding:12px 16px;border-bottom:1px solid #dadde1'
          : 'margin-left:auto',
      },
      this.el(
        'div',
        {
          role: 'button',
          tabindex: 0,
          'aria-haspopup': 'menu',
          class: 'display:flex;flex-direction:column;cursor:pointer;color:#65676b',
        },
        ...this.present(
          labelled && this.el('span', { class: 'font-size:12px' }, this.t.businessPortfolio),
          this.el('span', { class: 'font-weight:600;color:#050505' }, this.portfolio.businessName),
          withId && this.el('span', { class: 'font-size:12px' }, this.portfolio.businessId),
        ),
      ),
    );
  }

  /** The takeover scenario's controls (takeover.ts), above the page and apart from Meta's own markup. */
  private renderDemoControls(): HTMLElement {
    const w = takeoverStrings[this.portfolio.locale];
    const storage = this.doc.defaultView?.localStorage;
    const id = this.portfolio.businessId;
    const state = loadTakeover(storage, id);
    const reload = () => this.doc.defaultView?.location.reload();
    const strip = this.el('div', {
      role: 'region',
      'aria-label': w.controls,
      'data-sandbox-controls': '',
      class:
        'display:flex;align-items:center;gap:8px;flex-wrap:wrap;padding:6px 16px;background:#fff4e5;border-bottom:1px solid #f0c36d;font-size:13px',
    });
    strip.append(this.el('span', { class: 'font-weight:600' }, w.controls));
    if (!state.on) {
      strip.append(
        this.button(w.simulate, () => {
          saveTakeover(storage, id, { on: true, removed: [] });
          reload();
        }),
      );
    } else {
      strip.append(this.el('span', {}, w.simulated));
      const removable = [
        { key: ATTACKER.email, name: ATTACKER.name, remove: () => this.removePerson(ATTACKER.email) },
        {
          key: ATTACKER_PARTNER.businessId,
          name: ATTACKER_PARTNER.name,
          remove: () => this.removePartner(ATTACKER_PARTNER.businessId),
        },
      ];
      for (const who of removable.filter((r) => !state.removed.includes(r.key)))
        strip.append(
          this.button(w.remove(who.name), () => {
            const now = loadTakeover(storage, id);
            saveTakeover(storage, id, { ...now, removed: [...now.removed, who.key] });
            who.remove();
            this.refreshControls();
          }),
        );
    }
    // What Business Settings lets an admin switch off on the selected holder's pane: a task or an asset.
    const holder = this.selectedHolder();
    if (holder && holder.assets.length > 0) {
      const choices = holder.assets.flatMap((grant) => {
        const asset = this.portfolio.assets.find((a) => a.id === grant.asset);
        if (!asset) return [];
        const tasks = grant.full ? tasksByAssetType[asset.type] : grant.tasks;
        return [
          ...tasks.map((task) => ({
            value: `${asset.id}:${task}`,
            text: `${asset.name}: ${this.t.tasks[task]}`,
          })),
          { value: `${asset.id}:`, text: w.wholeAsset(asset.name) },
        ];
      });
      const select = this.el(
        'select',
        { 'aria-label': w.switchOffWhat, 'data-sandbox-switch-off': '', class: 'height:32px' },
        ...choices.map((c) => this.el('option', { value: c.value }, c.text)),
      ) as HTMLSelectElement;
      strip.append(
        this.el('span', {}, w.switchOffWhat),
        select,
        this.button(w.switchOff, () => {
          const [asset, task] = select.value.split(':');
          this.switchOffAccess(holder.key, asset!, (task || undefined) as TaskKey | undefined);
        }),
      );
    }
    if (state.on || state.removed.length > 0 || loadEdits(storage, id).length > 0)
      strip.append(
        this.button(w.reset, () => {
          saveTakeover(storage, id, { on: false, removed: [] });
          saveEdits(storage, id, []);
          reload();
        }),
      );
    return strip;
  }

  private renderNav(): void {
    const s = this.route.section;
    const item = (kind: string, text: string, assetType?: AssetType) => {
      const active = assetType ? s.kind === 'asset' && s.assetType === assetType : s.kind === kind;
      return this.el(
        'div',
        { role: 'listitem' },
        this.link(
          text,
          this.href(assetType ?? kind),
          active
            ? 'display:block;padding:8px 24px;color:#0866ff;background:#ebf5ff;text-decoration:none;font-weight:600'
            : 'display:block;padding:8px 24px;color:#050505;text-decoration:none;:hover background:#f0f2f5',
          active,
        ),
      );
    };
    const group = (title: string, ...items: HTMLElement[]) =>
      this.el(
        'div',
        {},
        this.el(
          'div',
          { class: 'padding:12px 16px 4px;color:#65676b;font-size:13px;font-weight:600' },
          title,
        ),
        this.el('div', { role: 'list' }, ...items),
      );
    const assetTypes: AssetType[] = ['page', 'ad-account', 'instagram', 'whatsapp', 'app'];
    this.navEl.replaceChildren(
      ...(this.switcherInNav() ? [this.renderSwitcher()] : []),
      group(
        this.t.users,
        item('people', this.t.people),
        item('partners', this.t.partners),
        item('system-users', this.t.systemUsers),
      ),
      group(this.t.accounts, ...assetTypes.map((type) => item(type, this.t.assetTypes[type], type))),
      group(
        this.t.dataSources,
        item('catalog', this.t.assetTypes.catalog, 'catalog'),
        item('dataset', this.t.assetTypes.dataset, 'dataset'),
      ),
      this.el(
        'div',
        { role: 'list', class: 'padding-top:8px' },
        ...(this.route.layout === 'latest'
          ? [item('business-info', securityStrings[this.portfolio.locale].businessInfo)]
          : []),
        item('security-center', securityStrings[this.portfolio.locale].securityCenter),
      ),
    );
  }

  private renderMain(): void {
    const token = ++this.renderToken;
    const { section, businessId } = this.route;
    if (businessId !== this.portfolio.businessId) {
      // Meta shows this when business_id is missing or not yours (research §5).
      this.mainEl.replaceChildren(
        this.el(
          'div',
          { class: 'margin:auto;text-align:center;color:#65676b' },
          this.heading(2, "This content isn't available right now"),
        ),
      );
      return;
    }
    if (section.kind === 'home') {
      this.mainEl.replaceChildren(
        this.el(
          'div',
          { class: 'padding:24px' },
          this.heading(1, this.t.businessSettings, 'font-size:24px;font-weight:700'),
        ),
      );
      return;
    }
    if (section.kind === 'business-info' || section.kind === 'security-center') {
      // Like the lists, the page's content arrives after the navigation.
      const progress = this.el(
        'div',
        { role: 'progressbar', 'aria-label': this.t.loading, 'aria-busy': 'true', class: 'padding:24px' },
        `${this.t.loading}…`,
      );
      this.mainEl.replaceChildren(progress);
      this.later(() => {
        if (token !== this.renderToken) return;
        const security = new SecurityRenderer(this.m, this.portfolio, this.listStructure());
        this.mainEl.replaceChildren(
          section.kind === 'business-info' ? security.businessInfo() : security.securityCenter(),
        );
      }, this.portfolio.rowDelayMs);
      return;
    }
    const listSection: ListSection = section;
    const listCol = this.el('div', {
      class:
        'flex:1;min-width:0;display:flex;flex-direction:column;background:#fff;margin:16px;border-radius:8px;overflow:hidden',
    });
    const detailCol = this.el('div', {
      class:
        'width:420px;background:#fff;margin:16px 16px 16px 0;border-radius:8px;overflow:auto;padding:16px',
    });
    this.mainEl.replaceChildren(listCol, detailCol);
    const title =
      section.kind === 'asset' ? this.t.assetTypes[section.assetType] : this.sectionTitle(section.kind);
    const actions: HTMLElement[] = [];
    if (section.kind === 'people')
      actions.push(this.button(`+ ${this.t.invitePeople}`, () => this.openDialog('invite'), true));
    if (section.kind === 'partners')
      actions.push(this.button(`+ ${this.t.addPartner}`, () => this.openDialog('partner'), true));
    listCol.append(
      this.el(
        'div',
        { class: 'display:flex;align-items:center;gap:12px;padding:16px;border-bottom:1px solid #dadde1' },
        this.heading(1, title, 'font-size:20px;font-weight:700'),
        this.el('div', { class: 'margin-left:auto;display:flex;gap:8px' }, ...actions),
      ),
    );
    const scroller = this.el('div', { class: 'flex:1;overflow:auto;min-height:0' });
    if (section.kind === 'people') {
      // Like Meta's, the search field narrows the list to the people whose name or e-mail matches.
      const search = this.el('input', {
        type: 'search',
        placeholder: this.t.searchPeople,
        'aria-label': this.t.searchPeople,
        class:
          'width:100%;box-sizing:border-box;height:36px;border-radius:18px;border:none;background:#f0f2f5;padding:0 12px',
      }) as HTMLInputElement;
      search.addEventListener('input', () => {
        this.search = search.value.trim().toLowerCase();
        scroller.replaceChildren();
        this.renderList(section, scroller);
      });
      this.search = '';
      listCol.append(this.el('div', { class: 'padding:8px 16px' }, search));
    }
    const progress = this.el(
      'div',
      {
        role: 'progressbar',
        'aria-label': this.t.loading,
        'aria-busy': 'true',
        class: 'padding:24px;color:#65676b',
      },
      `${this.t.loading}…`,
    );
    scroller.append(progress);
    listCol.append(scroller);
    detailCol.append(this.el('div', { class: 'color:#65676b' }, this.t.selectPrompt));

    this.later(() => {
      if (token !== this.renderToken) return;
      progress.remove();
      this.renderList(listSection, scroller);
      detailCol.replaceChildren(...this.renderDetail(listSection));
      // For the benchmark: when the first batch of rows is on the page, and when the browser first painted
      // it (a task posted from the next animation frame runs after that frame's paint).
      const win = this.doc.defaultView;
      win?.performance?.mark?.('sandbox:rows-rendered');
      win?.requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          win.performance.mark('sandbox:rows-painted');
        };
        channel.port2.postMessage(undefined);
      });
    }, this.portfolio.rowDelayMs);
  }

  private sectionTitle(kind: 'people' | 'partners' | 'system-users'): string {
    return kind === 'people' ? this.t.people : kind === 'partners' ? this.t.partners : this.t.systemUsers;
  }

  // ---------- lists ----------

  private renderList(section: ListSection, scroller: HTMLElement): void {
    const rows = this.listRows(section);
    if (rows.length === 0) {
      scroller.append(
        this.el(
          'div',
          { class: 'padding:24px;color:#65676b' },
          section.kind === 'partners' ? this.t.noPartners : this.t.noSystemUsers,
        ),
      );
      return;
    }
    const structure = this.listStructure();
    const list = this.listContainer(
      structure,
      rows.length,
      rows[0]!.cells.map((c) => c.header),
    );
    scroller.append(list.root);
    let rendered = 0;
    const batch = this.options.mode === 'sync' ? rows.length : this.portfolio.batchSize;
    const more = () => {
      const end = Math.min(rows.length, rendered + batch);
      for (let i = rendered; i < end; i++)
        list.body.append(this.listRow(structure, rows[i]!, i, rows.length));
      rendered = end;
    };
    more();
    if (rendered < rows.length) {
      const onScroll = () => {
        if (
          scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 200 &&
          rendered < rows.length
        ) {
          // Later batches arrive asynchronously too, like a paged GraphQL fetch.
          this.later(more, 60);
        }
        if (rendered >= rows.length) scroller.removeEventListener('scroll', onScroll);
      };
      scroller.addEventListener('scroll', onScroll);
    }
  }

  /** The list structure of this page: classic Business Manager always showed a table. */
  private listStructure(): ListStructure {
    return this.route.layout === 'classic' ? 'table' : this.structures.list;
  }

  /**
   * The name a person is shown by: Meta's People list is one list of users and invitations, and an
   * invitation carries only the invited e-mail (research/meta-markup-evidence.md), which the structures
   * built from that list show as the name.
   */
  private displayName(p: SandboxPerson): string {
    const list = this.listStructure();
    return p.pending && (list === 'labelled-rows' || list === 'cards') ? p.email : p.name;
  }

  /** An ID in a row without columns: "Business ID: 123" text, or a label element beside a value element. */
  private idFact(label: string, id: string): HTMLElement {
    return this.listStructure() === 'cards'
      ? this.el(
          'div',
          { class: 'display:flex;gap:6px' },
          this.el('span', { class: 'color:#65676b' }, label),
          this.el('span', {}, id),
        )
      : this.el('span', {}, `${label}${this.t.colons[0]}${id}`);
  }

  private listRows(section: ListSection): ListRow[] {
    const t = this.t;
    const classic = this.route.layout === 'classic';
    if (section.kind === 'people') {
      const query = this.search;
      const matches = (p: (typeof this.portfolio.people)[number]) =>
        query === '' || `${p.name} ${p.email}`.toLowerCase().includes(query);
      return this.portfolio.people.filter(matches).map((p) => {
        const you = p.id === this.portfolio.currentUserId;
        const accessLabel = classic
          ? p.access === 'full-control'
            ? t.adminLegacy
            : t.employeeLegacy
          : {
              'full-control': t.fullControl,
              basic: t.basicAccess,
              'apps-integrations': t.appsIntegrations,
              finance: t.finance,
            }[p.access];
        const actions = p.pending
          ? [
              this.rowAction(t.resend, () => undefined),
              this.rowAction(t.cancelInvite, () => {
                this.portfolio.people = this.portfolio.people.filter((x) => x !== p);
                this.renderMain();
              }),
            ]
          : [];
        return {
          id: p.id,
          selected: section.selectedId === p.id,
          href: this.href('people', p.id),
          name: this.displayName(p),
          you: you ? t.you : undefined,
          facts: () =>
            this.present(
              this.el('span', {}, p.email),
              this.el('span', {}, accessLabel),
              p.temporaryUntil
                ? this.el('span', {}, `${t.accessExpires} `, this.dateNode(p.temporaryUntil))
                : null,
              p.pending
                ? this.el(
                    'span',
                    { class: 'background:#fff3cd;color:#7a5b00;border-radius:4px;padding:2px 6px' },
                    t.pending,
                  )
                : null,
            ),
          actions,
          cells: [
            { header: t.name, content: [this.nameBlock(p.name, you ? t.you : undefined, p.email)] },
            {
              header: t.access,
              content: [
                this.el('span', {}, accessLabel),
                p.temporaryUntil
                  ? this.el(
                      'div',
                      { class: 'color:#65676b;font-size:13px' },
                      `${t.accessExpires} `,
                      this.dateNode(p.temporaryUntil),
                    )
                  : null,
              ],
            },
            {
              header: t.status,
              content: [
                p.pending
                  ? this.el(
                      'span',
                      {
                        class:
                          'background:#fff3cd;color:#7a5b00;border-radius:4px;padding:2px 6px;font-size:13px',
                      },
                      t.pending,
                    )
                  : this.el('span', { class: 'color:#31a24c' }, t.active),
                ...actions,
              ],
            },
          ],
        };
      });
    }
    if (section.kind === 'partners') {
      return this.portfolio.partners.map((p) => ({
        id: p.businessId,
        selected: section.selectedId === p.businessId,
        href: this.href('partners', p.businessId),
        name: p.name,
        facts: () => [this.idFact(t.businessId, p.businessId)],
        actions: [],
        cells: [
          { header: t.name, content: [this.el('div', { class: 'font-weight:600' }, p.name)] },
          {
            header: t.businessId,
            content: [
              this.structures.list === 'list' && !classic
                ? this.el('span', {}, `${t.businessId}: ${p.businessId}`)
                : this.el('span', {}, p.businessId),
            ],
          },
          { header: t.assignedAssets, content: [this.el('span', {}, String(p.assets.length))] },
        ],
      }));
    }
    if (section.kind === 'system-users') {
      return this.portfolio.systemUsers.map((u) => ({
        id: u.id,
        selected: section.selectedId === u.id,
        href: this.href('system-users', u.id),
        name: u.name,
        facts: () => [
          this.el('span', {}, u.role === 'admin' ? t.systemUserAdmin : t.systemUserEmployee),
          this.idFact(t.idLabel, u.id),
        ],
        actions: [],
        cells: [
          { header: t.name, content: [this.el('div', { class: 'font-weight:600' }, u.name)] },
          {
            header: t.access,
            content: [this.el('span', {}, u.role === 'admin' ? t.systemUserAdmin : t.systemUserEmployee)],
          },
          { header: t.idLabel, content: [this.el('span', {}, `${t.idLabel}: ${u.id}`)] },
        ],
      }));
    }
    if (section.kind !== 'asset') return [];
    return this.portfolio.assets
      .filter((a) => a.type === section.assetType)
      .map((a) => ({
        id: a.id,
        selected: section.selectedId === a.id,
        href: this.href(a.type, a.id, a.type),
        name: a.name,
        facts: () => [this.idFact(t.idLabel, a.id)],
        actions: [],
        cells: [
          { header: t.name, content: [this.el('div', { class: 'font-weight:600' }, a.name)] },
          {
            header: t.idLabel,
            content: [this.el('span', { class: 'color:#65676b' }, `${t.idLabel}: ${a.id}`)],
          },
        ],
      }));
  }

  private nameBlock(name: string, you: string | undefined, email: string): HTMLElement {
    return this.el(
      'div',
      { class: 'display:flex;flex-direction:column;min-width:0' },
      this.el(
        'div',
        { class: 'font-weight:600;overflow-wrap:anywhere' },
        this.el('span', {}, name),
        you ? this.el('span', { class: 'color:#65676b;font-weight:400;margin-left:4px' }, you) : null,
      ),
      this.el('div', { class: 'color:#65676b;font-size:13px' }, email),
    );
  }

  private dateNode(iso: string): HTMLElement {
    // The list structures show only the text; the others carry a machine-readable <time> too.
    return this.m.date(iso, this.machineDates);
  }

  private listContainer(
    variant: ListStructure,
    count: number,
    headers: string[],
  ): { root: HTMLElement; body: HTMLElement } {
    const label =
      this.route.section.kind === 'asset'
        ? this.t.assetTypes[this.route.section.assetType]
        : this.sectionTitle(this.route.section.kind as 'people');
    if (variant === 'grid') {
      const body = this.el('div', { role: 'rowgroup' });
      const root = this.el(
        'div',
        { role: 'grid', 'aria-label': label, 'aria-rowcount': count + 1 },
        this.el(
          'div',
          { role: 'rowgroup' },
          this.el(
            'div',
            {
              role: 'row',
              'aria-rowindex': 1,
              class:
                'display:flex;padding:8px 16px;color:#65676b;font-size:13px;border-bottom:1px solid #dadde1',
            },
            ...headers.map((h) => this.el('div', { role: 'columnheader', class: 'flex:1' }, h)),
          ),
        ),
        body,
      );
      return { root, body };
    }
    if (variant === 'list' || variant === 'labelled-rows') {
      const body = this.el('div', { role: 'list', 'aria-label': label });
      return { root: body, body };
    }
    if (variant === 'cards') {
      // Plain divs: no list or grid role says these are rows.
      const body = this.el('div', {
        class: 'display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px;padding:16px',
      });
      return { root: body, body };
    }
    const body = this.el('tbody', {});
    const root = this.el(
      'table',
      { class: 'width:100%;border-collapse:collapse' },
      this.el(
        'thead',
        {},
        this.el(
          'tr',
          { class: 'text-align:left;color:#65676b;font-size:13px' },
          ...headers.map((h) => this.el('th', { class: 'padding:8px 16px;font-weight:400' }, h)),
        ),
      ),
      body,
    );
    return { root, body };
  }

  private listRow(variant: ListStructure, row: ListRow, index: number, count: number): HTMLElement {
    const select = () => this.navigate(row.href);
    const rowCss = row.selected
      ? 'display:flex;align-items:center;padding:10px 16px;border-bottom:1px solid #f0f2f5;background:#ebf5ff;cursor:pointer'
      : 'display:flex;align-items:center;padding:10px 16px;border-bottom:1px solid #f0f2f5;cursor:pointer;:hover background:#f5f6f7';
    if (variant === 'grid') {
      return this.el(
        'div',
        {
          role: 'row',
          'aria-rowindex': index + 2,
          'aria-selected': row.selected ? 'true' : 'false',
          tabindex: -1,
          class: rowCss,
          onclick: select,
        },
        ...row.cells.map((c) =>
          this.el('div', { role: 'gridcell', class: 'flex:1;min-width:0' }, ...c.content),
        ),
      );
    }
    if (variant === 'labelled-rows') return this.labelledRow(row, rowCss, select);
    if (variant === 'cards') return this.card(row, select);
    if (variant === 'list') {
      return this.el(
        'div',
        {
          role: 'listitem',
          'aria-setsize': count,
          'aria-posinset': index + 1,
          'aria-current': row.selected ? 'true' : undefined,
        },
        this.el(
          'div',
          { role: 'button', tabindex: 0, class: rowCss, onclick: select },
          this.el(
            'div',
            { class: 'display:flex;flex-wrap:wrap;gap:4px 16px;flex:1' },
            ...row.cells.map((c) => this.el('div', {}, ...c.content)),
          ),
        ),
      );
    }
    return this.el(
      'tr',
      {
        class: row.selected
          ? 'background:#ebf5ff;cursor:pointer'
          : 'cursor:pointer;:hover background:#f5f6f7',
        onclick: select,
      },
      ...row.cells.map((c) =>
        this.el('td', { class: 'padding:10px 16px;border-bottom:1px solid #f0f2f5' }, ...c.content),
      ),
    );
  }

  /**
   * GeoBaseListRow: a role=listitem whose aria-labelledby names its label (the name, plain text, no
   * heading) and aria-describedby its description (the secondary facts, joined by " · ").
   */
  private labelledRow(row: ListRow, rowCss: string, select: () => void): HTMLElement {
    const labelId = this.m.uid();
    const descriptionId = this.m.uid();
    const facts = row.facts().flatMap((fact, i) => (i === 0 ? [fact] : [' · ', fact]));
    return this.el(
      'div',
      {
        role: 'listitem',
        tabindex: 0,
        'aria-labelledby': labelId,
        'aria-describedby': descriptionId,
        class: rowCss,
        onclick: select,
      },
      this.el('div', {
        class: 'width:40px;height:40px;border-radius:50%;background:#e4e6eb;margin-right:12px;flex-shrink:0',
      }),
      this.el(
        'div',
        { class: 'flex:1;min-width:0' },
        this.el(
          'div',
          { class: 'display:flex;gap:4px' },
          this.el('div', { id: labelId, class: 'font-weight:600;overflow-wrap:anywhere' }, row.name),
          row.you ? this.el('span', { class: 'color:#65676b' }, row.you) : null,
        ),
        this.el('div', { id: descriptionId, class: 'color:#65676b;font-size:13px' }, ...facts),
      ),
      ...row.actions,
    );
  }

  /**
   * A card of plain divs (no list, grid or button role: the card is clickable, as a WebPressable's child).
   * The research shows no settings list built like this, but GeoTextPairing is how Geo titles a card
   * (the name a header4 → role=heading aria-level 4, the facts in description divs under it), so this is
   * the form such a page would take; aria-label on a plain div would be dropped by Meta's own a11y lint.
   */
  private card(row: ListRow, select: () => void): HTMLElement {
    return this.el(
      'div',
      {
        class: row.selected
          ? 'border:2px solid #0866ff;border-radius:8px;padding:12px;cursor:pointer'
          : 'border:1px solid #dadde1;border-radius:8px;padding:12px;cursor:pointer',
        onclick: select,
      },
      this.el(
        'div',
        { class: 'display:flex;align-items:baseline;gap:6px' },
        this.heading(4, row.name, 'font-weight:600;overflow-wrap:anywhere'),
        row.you ? this.el('span', { class: 'color:#65676b' }, row.you) : null,
      ),
      ...row.facts().map((fact) => this.el('div', { class: 'color:#65676b;font-size:13px' }, fact)),
      ...row.actions,
    );
  }

  // ---------- detail pane ----------

  private renderDetail(section: ListSection): Node[] {
    const t = this.t;
    if (!section.selectedId) return [this.el('div', { class: 'color:#65676b' }, t.selectPrompt)];
    if (section.kind === 'people') {
      const p = this.portfolio.people.find((x) => x.id === section.selectedId);
      if (!p) return [];
      const subject: PaneSubject = {
        title: this.displayName(p),
        you: p.id === this.portfolio.currentUserId ? t.you : undefined,
        email: p.email,
        access: {
          'full-control': t.fullControl,
          basic: t.basicAccess,
          'apps-integrations': t.appsIntegrations,
          finance: t.finance,
        }[p.access],
        pending: p.pending,
        temporaryUntil: p.temporaryUntil,
      };
      return this.panes.principalPane(subject, p.assets);
    }
    if (section.kind === 'partners') {
      const p = this.portfolio.partners.find((x) => x.businessId === section.selectedId);
      if (!p) return [];
      return this.panes.principalPane({ title: p.name, businessId: p.businessId }, p.assets);
    }
    if (section.kind === 'system-users') {
      const u = this.portfolio.systemUsers.find((x) => x.id === section.selectedId);
      if (!u) return [];
      const role = u.role === 'admin' ? t.systemUserAdmin : t.systemUserEmployee;
      return this.panes.principalPane({ title: u.name, userId: u.id, role }, u.assets);
    }
    const asset = this.portfolio.assets.find((a) => a.id === section.selectedId);
    if (!asset) return [];
    const grantOf = (h: { assets: SandboxAssignment[] }) => h.assets.find((g) => g.asset === asset.id);
    const people = this.portfolio.people.filter((p) => grantOf(p));
    const partners = this.portfolio.partners.filter((p) => grantOf(p));
    const level = this.panes.sectionLevel();
    const title = this.heading(2, asset.name, 'font-size:20px;font-weight:700');
    const idLine = this.panes.idLine(t.idLabel, asset.id);
    return [
      ...(this.structures.pane === 'flat' ? [...idLine, title] : [title, ...idLine]),
      this.heading(level, t.people, 'font-weight:700;margin-top:12px'),
      this.holders(people.map((p) => ({ title: this.displayName(p), email: p.email, grant: grantOf(p)! }))),
      this.heading(level, t.partners, 'font-weight:700;margin-top:12px'),
      partners.length
        ? this.holders(partners.map((p) => ({ title: p.name, businessId: p.businessId, grant: grantOf(p)! })))
        : this.el('div', { class: 'color:#65676b' }, t.noPartners),
    ];
  }

  /** Who holds the selected asset, in the page's list structure. */
  private holders(
    items: { title: string; email?: string; businessId?: string; grant: SandboxAssignment }[],
  ): HTMLElement {
    const t = this.t;
    const grey = 'color:#65676b;font-size:13px';
    const access = (i: (typeof items)[number]) => this.panes.accessText(i.grant);
    const sub = (i: (typeof items)[number]) => i.email ?? `${t.businessId}: ${i.businessId}`;
    switch (this.structures.list) {
      case 'list':
        return this.el(
          'div',
          { role: 'list' },
          ...items.map((i) =>
            this.el(
              'div',
              { role: 'listitem', class: 'padding:8px 0;border-bottom:1px solid #f0f2f5' },
              this.el('div', { class: 'font-weight:600' }, i.title),
              this.el('div', { class: grey }, sub(i)),
              this.el('div', { class: 'font-size:13px' }, access(i)),
            ),
          ),
        );
      case 'labelled-rows':
        return this.el(
          'div',
          { role: 'list' },
          ...items.map((i) => {
            const labelId = this.m.uid();
            const descriptionId = this.m.uid();
            return this.el(
              'div',
              {
                role: 'listitem',
                'aria-labelledby': labelId,
                'aria-describedby': descriptionId,
                class: 'padding:8px 0;border-bottom:1px solid #f0f2f5',
              },
              this.el('div', { id: labelId, class: 'font-weight:600' }, i.title),
              this.el(
                'div',
                { id: descriptionId, class: grey },
                i.email ?? `${t.businessId}${t.colons[0]}${i.businessId}`,
                ' · ',
                access(i),
              ),
            );
          }),
        );
      case 'cards':
        return this.el(
          'div',
          { class: 'display:flex;flex-direction:column;gap:8px' },
          ...items.map((i) =>
            this.el(
              'div',
              { class: 'border:1px solid #dadde1;border-radius:8px;padding:8px' },
              this.heading(4, i.title, 'font-weight:600'),
              i.email
                ? this.el('div', { class: grey }, i.email)
                : this.el(
                    'div',
                    { class: `display:flex;gap:6px;${grey}` },
                    this.el('span', {}, t.businessId),
                    this.el('span', {}, i.businessId ?? ''),
                  ),
              this.el('div', { class: 'font-size:13px' }, access(i)),
            ),
          ),
        );
      default:
        // grid and table: a table without headers, as the sandbox always had.
        return this.el(
          'table',
          { class: 'width:100%;border-collapse:collapse' },
          this.el(
            'tbody',
            {},
            ...items.map((i) =>
              this.el(
                'tr',
                {},
                this.el(
                  'td',
                  { class: 'padding:6px 0' },
                  this.el('div', { class: 'font-weight:600' }, i.title),
                  this.el('div', { class: grey }, sub(i)),
                ),
                this.el('td', { class: 'padding:6px 0;font-size:13px' }, access(i)),
              ),
            ),
          ),
        );
    }
  }

  // ---------- dialogs ----------

  private openDialog(kind: 'invite' | 'partner'): void {
    const url = new URL(this.doc.location.href);
    url.searchParams.set('modal', kind === 'invite' ? 'invite_people' : 'add_partner');
    this.newDialog(kind);
    this.doc.defaultView?.history.pushState({}, '', url.pathname + url.search);
    this.renderDialog();
  }

  private newDialog(kind: 'invite' | 'partner'): void {
    this.dialog = {
      kind,
      step: 0,
      email: '',
      access: 'partial',
      temporary: false,
      until: '',
      partnerChoice: 'give',
      partnerId: '',
      grants: new Map(),
      done: false,
    };
  }

  private closeDialog(): void {
    this.dialog = undefined;
    const url = new URL(this.doc.location.href);
    if (url.searchParams.has('modal')) {
      url.searchParams.delete('modal');
      this.doc.defaultView?.history.pushState({}, '', url.pathname + url.search);
    }
    this.renderDialog();
  }

  private syncDialogWithRoute(): void {
    const want =
      this.route.modal === 'invite_people' && this.route.section.kind === 'people'
        ? 'invite'
        : this.route.modal === 'add_partner' && this.route.section.kind === 'partners'
          ? 'partner'
          : undefined;
    if (!want) {
      if (this.dialog) {
        this.dialog = undefined;
        this.renderDialog();
      }
      return;
    }
    if (this.dialog?.kind !== want) this.newDialog(want);
    this.renderDialog();
  }

  private renderDialog(): void {
    const d = this.dialog;
    if (!d) {
      this.dialogHost.replaceChildren();
      return;
    }
    const t = this.t;
    const titleId = `dlg-${this.styles.cls('dialog').slice(1)}`;
    const title = d.kind === 'invite' ? t.invitePeople : t.addPartner;
    const body = this.el('div', { class: 'padding:16px;max-height:60vh;overflow:auto' });
    const footer = this.el('div', {
      class: 'display:flex;gap:8px;justify-content:flex-end;padding:12px 16px;border-top:1px solid #dadde1',
    });
    const go = (step: number) => {
      d.step = step;
      this.renderDialog();
    };
    footer.append(this.button(t.cancel, () => this.closeDialog()));
    if (d.step > 0 && !d.done) footer.append(this.button(t.back, () => go(d.step - 1)));

    if (d.kind === 'invite') {
      if (d.step === 0) {
        body.append(
          this.el('label', { class: 'display:block;font-weight:600;margin-bottom:4px' }, t.email),
          this.el('input', {
            type: 'email',
            'aria-label': t.email,
            value: d.email,
            class:
              'width:100%;box-sizing:border-box;height:36px;border:1px solid #ccd0d5;border-radius:6px;padding:0 8px',
            oninput: (e) => (d.email = (e.target as HTMLInputElement).value),
          }),
        );
        footer.append(this.button(t.next, () => go(1), true));
      } else if (d.step === 1) {
        body.append(this.heading(3, t.selectAccessType, 'font-weight:700;margin-bottom:8px'));
        const radio = (value: 'full-control' | 'partial', label: string) =>
          this.el(
            'div',
            {
              role: 'radio',
              tabindex: 0,
              'aria-checked': d.access === value ? 'true' : 'false',
              class:
                'display:flex;gap:8px;align-items:center;padding:8px;border:1px solid #dadde1;border-radius:6px;margin-bottom:8px;cursor:pointer',
              onclick: () => {
                d.access = value;
                this.renderDialog();
              },
            },
            this.el('span', { class: 'width:14px;height:14px;border-radius:50%;border:2px solid #0866ff' }),
            this.el('span', {}, label),
          );
        body.append(
          ...this.present(
            this.el(
              'div',
              { role: 'radiogroup', 'aria-label': t.selectAccessType },
              radio('full-control', t.fullControl),
              radio('partial', t.partialAccess),
            ),
            this.el(
              'label',
              { class: 'display:flex;justify-content:space-between;align-items:center;margin-top:12px' },
              this.el('span', {}, t.temporaryAccess),
              this.el('input', {
                type: 'checkbox',
                role: 'switch',
                'aria-label': t.temporaryAccess,
                checked: d.temporary,
                'aria-checked': d.temporary ? 'true' : 'false',
                onchange: (e) => {
                  d.temporary = (e.target as HTMLInputElement).checked;
                  this.renderDialog();
                },
              }),
            ),
            d.temporary
              ? this.el('input', {
                  type: 'date',
                  'aria-label': t.accessExpires,
                  value: d.until,
                  class: 'margin-top:8px;height:32px',
                  oninput: (e) => (d.until = (e.target as HTMLInputElement).value),
                  onchange: (e) => (d.until = (e.target as HTMLInputElement).value),
                })
              : null,
          ),
        );
        footer.append(this.button(t.next, () => go(2), true));
      } else if (d.step === 2) {
        body.append(
          this.heading(3, t.selectAssets, 'font-weight:700;margin-bottom:8px'),
          ...this.assetPicker(d),
        );
        footer.append(this.button(t.next, () => go(3), true));
      } else {
        body.append(
          ...this.present(
            this.heading(3, t.review, 'font-weight:700;margin-bottom:8px'),
            this.el('div', {}, `${t.email}: `, this.el('span', {}, d.email)),
            this.el(
              'div',
              {},
              `${t.access}: `,
              this.el('span', {}, d.access === 'full-control' ? t.fullControl : t.partialAccess),
            ),
            d.temporary && d.until ? this.el('div', {}, `${t.accessExpires} `, this.dateNode(d.until)) : null,
            ...this.reviewAssets(d),
          ),
        );
        footer.append(this.button(t.sendRequest, () => this.sendInvite(), true));
      }
    } else if (d.done) {
      body.append(this.heading(3, t.partnerAdded, 'font-weight:700'));
      footer.replaceChildren(this.button(t.close, () => this.closeDialog(), true));
    } else if (d.step === 0) {
      const radio = (value: 'give' | 'ask', label: string) =>
        this.el(
          'div',
          {
            role: 'radio',
            tabindex: 0,
            'aria-checked': d.partnerChoice === value ? 'true' : 'false',
            class: 'padding:8px;border:1px solid #dadde1;border-radius:6px;margin-bottom:8px;cursor:pointer',
            onclick: () => {
              d.partnerChoice = value;
              this.renderDialog();
            },
          },
          label,
        );
      body.append(
        this.el(
          'div',
          { role: 'radiogroup' },
          radio('give', t.givePartnerAccess),
          radio('ask', t.askPartnerToShare),
        ),
      );
      footer.append(this.button(t.next, () => go(1), true));
    } else if (d.step === 1) {
      body.append(
        this.el('label', { class: 'display:block;font-weight:600;margin-bottom:4px' }, t.partnerBusinessId),
        this.el('input', {
          type: 'text',
          inputmode: 'numeric',
          'aria-label': t.partnerBusinessId,
          placeholder: t.partnerBusinessId,
          value: d.partnerId,
          class:
            'width:100%;box-sizing:border-box;height:36px;border:1px solid #ccd0d5;border-radius:6px;padding:0 8px',
          oninput: (e) => (d.partnerId = (e.target as HTMLInputElement).value),
        }),
      );
      footer.append(this.button(t.next, () => go(2), true));
    } else {
      body.append(
        this.heading(3, t.assignAssets, 'font-weight:700;margin-bottom:8px'),
        // Once the ID is validated, the dialog names the partner it is assigning to.
        this.el(
          'div',
          { class: 'color:#65676b;margin-bottom:8px' },
          `${t.partnerBusinessId}: ${d.partnerId.replace(/\D/g, '')}`,
        ),
        ...this.assetPicker(d),
      );
      footer.append(this.button(t.assign, () => this.assignPartner(), true));
    }

    const dialog = this.el(
      'div',
      {
        class:
          'position:fixed;inset:0;background:rgba(0,0,0,0.4);display:flex;align-items:center;justify-content:center;z-index:10',
      },
      this.el(
        'div',
        {
          role: 'dialog',
          'aria-modal': 'true',
          'aria-labelledby': titleId,
          class: 'width:560px;background:#fff;border-radius:8px;box-shadow:0 12px 28px rgba(0,0,0,0.2)',
        },
        this.el(
          'div',
          { class: 'display:flex;align-items:center;padding:16px;border-bottom:1px solid #dadde1' },
          this.el(
            'div',
            { id: titleId, role: 'heading', 'aria-level': 2, class: 'font-size:20px;font-weight:700' },
            title,
          ),
          this.el(
            'div',
            { class: 'margin-left:auto' },
            this.button('✕', () => this.closeDialog()),
          ),
        ),
        body,
        footer,
      ),
    );
    dialog.querySelector<HTMLElement>('[role="button"]:last-child')?.setAttribute('aria-label', t.close);
    this.dialogHost.replaceChildren(dialog);
  }

  private assetPicker(d: DialogState): HTMLElement[] {
    const byType = new Map<AssetType, SandboxPortfolio['assets']>();
    for (const a of this.portfolio.assets) byType.set(a.type, [...(byType.get(a.type) ?? []), a]);
    const out: HTMLElement[] = [];
    for (const [type, assets] of byType) {
      out.push(
        this.heading(
          3,
          this.t.assetTypes[type],
          'color:#65676b;font-size:13px;font-weight:600;margin-top:8px',
        ),
      );
      for (const asset of assets) {
        const grant = d.grants.get(asset.id) ?? { full: false, tasks: new Set<TaskKey>() };
        out.push(
          this.el(
            'div',
            { class: 'padding:6px 0;border-bottom:1px solid #f0f2f5' },
            this.heading(4, asset.name, 'font-weight:600'),
            ...this.panes.labelSwitches(type, grant, false, (key, on) => {
              const g = d.grants.get(asset.id) ?? { full: false, tasks: new Set<TaskKey>() };
              if (key === 'full') g.full = on;
              else if (on) g.tasks.add(key);
              else g.tasks.delete(key);
              d.grants.set(asset.id, g);
              this.renderDialog();
            }),
          ),
        );
      }
    }
    return out;
  }

  private reviewAssets(d: DialogState): HTMLElement[] {
    return [...d.grants.entries()]
      .filter(([, g]) => g.full || g.tasks.size > 0)
      .map(([id, g]) => {
        const asset = this.portfolio.assets.find((a) => a.id === id)!;
        return this.el(
          'div',
          {},
          this.heading(4, asset.name, 'font-weight:600;margin-top:6px'),
          this.el(
            'span',
            {},
            g.full ? this.t.full[asset.type] : [...g.tasks].map((k) => this.t.tasks[k]).join(', '),
          ),
        );
      });
  }

  private grantsOf(d: DialogState): SandboxAssignment[] {
    return [...d.grants.entries()]
      .filter(([, g]) => g.full || g.tasks.size > 0)
      .map(([asset, g]) =>
        g.full ? { asset, full: true as const, tasks: [] } : { asset, tasks: [...g.tasks] },
      );
  }

  private sendInvite(): void {
    const d = this.dialog!;
    const email = d.email.trim();
    if (email) {
      this.portfolio.people.push({
        id: String(62_000_000_000_000 + this.portfolio.people.length),
        name: email,
        email,
        access: d.access === 'full-control' ? 'full-control' : 'basic',
        pending: true,
        temporaryUntil: d.temporary && d.until ? d.until : undefined,
        assets: this.grantsOf(d),
      });
    }
    this.closeDialog();
    this.renderMain();
  }

  private assignPartner(): void {
    const d = this.dialog!;
    const id = d.partnerId.replace(/\D/g, '');
    if (id) {
      const existing = this.portfolio.partners.find((p) => p.businessId === id);
      if (existing) existing.assets.push(...this.grantsOf(d));
      else this.portfolio.partners.push({ businessId: id, name: `Business ${id}`, assets: this.grantsOf(d) });
    }
    d.done = true;
    this.renderDialog();
    this.renderMain();
  }
}

interface ListRow {
  id: string;
  selected: boolean;
  href: string;
  /** The columns of the structures that have them (grid, list, table). */
  cells: { header: string; content: Child[] }[];
  /** The same facts for structures without columns (labelled-rows, cards): a name, … */
  name: string;
  /** … "(you)" as its own element, … */
  you?: string;
  /** … the secondary facts (e-mail, access, ID, status), made when such a row is drawn, … */
  facts: () => Node[];
  /** … and the row's own buttons. */
  actions: HTMLElement[];
}
