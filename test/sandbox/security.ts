import type { Markup } from './markup';
import type { SandboxPortfolio } from './portfolio';
import type { ListStructure } from './structures';

/**
 * Business info's two-factor requirement and Security Center (issue 15, item 5), built from the Geo
 * mechanics of research/meta-markup-evidence.md: headings are role=heading divs, buttons div[role=button],
 * list rows role=listitem with aria-labelledby / aria-describedby. How these two pages arrange them is not
 * known, so each list structure arranges them differently:
 * - Business info: `grid` a <select> with a <label for>; `list` a role=combobox named by aria-labelledby;
 *   `table` (and classic) a <table> whose <th> is the label and whose cell holds a <select>; `labelled-rows`
 *   a div[role=button][aria-haspopup=listbox] named by aria-label; `cards` a GeoTextPairing (heading 4 +
 *   description) beside a div[role=button][aria-haspopup=menu] with no name at all.
 * - Security Center, one card per recommendation (heading 3 title): `grid` role=grid → row → gridcell with
 *   a header row; `list` role=list → listitem (name, e-mail and a Remove button); `table` a <table> with <th> headers;
 *   `labelled-rows` GeoBaseListRow (label by aria-labelledby, e-mail by aria-describedby); `cards` role=list →
 *   listitem holding a GeoTextPairing (the name a role=heading 4: a person named like a title is a heading).
 * `people: 'plain-cards'` (any structure) shows the people as plain cards with no role at all, which the
 * reader must report unreadable, never as an empty list.
 * A third recommendation, "Limit number of users with full control", lists the full-control holders: they
 * are not people without two-factor. Business info shows other controls (the primary Page) and the name.
 */

type Locale = SandboxPortfolio['locale'];

/** Words as LEXICON.md has them (sv/fr: best known, see lib/domain/lexicon.ts `twoFactor`). */
export const securityStrings = {
  en: {
    businessInfo: 'Business info',
    securityCenter: 'Security Center',
    businessOptions: 'Business options',
    name: 'Business portfolio name',
    primaryPage: 'Primary Page',
    setting: 'Two-factor authentication',
    settingHelp: 'Require people in this business portfolio to use two-factor authentication.',
    values: { 'no-one': 'No one', admins: 'Admins only', everyone: 'Everyone' },
    without: 'Remove users without two-factor authentication',
    inactive: 'Remove inactive users',
    fullControl: 'Limit number of users with full control',
    inactiveHelp: 'People who have not logged in for 90 days.',
    person: 'Name',
    email: 'Email',
    remove: 'Remove',
    unknownValue: 'Owners and finance editors',
    unknownWithout: 'Accounts needing a second step',
    unknownInactive: 'Quiet accounts',
  },
  sv: {
    businessInfo: 'Företagsinformation',
    securityCenter: 'Säkerhetscenter',
    businessOptions: 'Företagsalternativ',
    name: 'Företagsportföljens namn',
    primaryPage: 'Primär sida',
    setting: 'Tvåfaktorsautentisering',
    settingHelp: 'Kräv att personer i den här företagsportföljen använder tvåfaktorsautentisering.',
    values: { 'no-one': 'Ingen', admins: 'Endast administratörer', everyone: 'Alla' },
    without: 'Ta bort användare utan tvåfaktorsautentisering',
    inactive: 'Ta bort inaktiva användare',
    fullControl: 'Begränsa antalet användare med fullständig kontroll',
    inactiveHelp: 'Personer som inte har loggat in på 90 dagar.',
    person: 'Namn',
    email: 'E-post',
    remove: 'Ta bort',
    unknownValue: 'Ägare och ekonomiredigerare',
    unknownWithout: 'Konton som behöver ett andra steg',
    unknownInactive: 'Tysta konton',
  },
  fr: {
    businessInfo: 'Informations sur l’entreprise',
    securityCenter: 'Centre de sécurité',
    businessOptions: 'Options de l’entreprise',
    name: 'Nom du portefeuille business',
    primaryPage: 'Page principale',
    setting: 'Authentification à deux facteurs',
    settingHelp: 'Exiger l’authentification à deux facteurs des personnes de ce portefeuille business.',
    values: { 'no-one': 'Personne', admins: 'Administrateurs uniquement', everyone: 'Tout le monde' },
    without: 'Supprimer les utilisateurs sans authentification à deux facteurs',
    inactive: 'Supprimer les utilisateurs inactifs',
    fullControl: 'Limiter le nombre d’utilisateurs disposant du contrôle total',
    inactiveHelp: 'Personnes qui ne se sont pas connectées depuis 90 jours.',
    person: 'Nom',
    email: 'E-mail',
    remove: 'Supprimer',
    unknownValue: 'Propriétaires et éditeurs financiers',
    unknownWithout: 'Comptes à second facteur manquant',
    unknownInactive: 'Comptes silencieux',
  },
} satisfies Record<Locale, unknown>;

interface Listed {
  name: string;
  email: string;
}

export class SecurityRenderer {
  private readonly w;

  constructor(
    private readonly m: Markup,
    private readonly portfolio: SandboxPortfolio,
    private readonly structure: ListStructure,
  ) {
    this.w = securityStrings[portfolio.locale];
  }

  private page(title: string, ...children: HTMLElement[]): HTMLElement {
    return this.m.el(
      'div',
      { class: 'flex:1;overflow:auto;padding:16px 24px' },
      this.m.heading(1, title, 'font-size:20px;font-weight:700;margin-bottom:16px'),
      ...children,
    );
  }

  private card(...children: (HTMLElement | false)[]): HTMLElement {
    return this.m.el(
      'div',
      { class: 'background:#fff;border-radius:8px;padding:16px;margin-bottom:16px' },
      ...this.m.present(...children),
    );
  }

  /** A div[role=button] dropdown showing its choice (GeoSelector-like), named by the attributes given. */
  private dropdown(shown: string, attrs: Record<string, string>): HTMLElement {
    return this.m.el(
      'div',
      {
        role: 'button',
        tabindex: 0,
        'aria-haspopup': 'listbox',
        ...attrs,
        class: 'display:inline-flex;padding:8px 12px;border:1px solid #ced0d4;border-radius:6px',
      },
      this.m.el('span', {}, shown),
    );
  }

  private select(shown: string, choices: string[], attrs: Record<string, string>): HTMLElement {
    const select = this.m.el(
      'select',
      { ...attrs, class: 'height:36px' },
      ...[...new Set([...choices, shown])].map((c) => this.m.el('option', { value: c }, c)),
    ) as HTMLSelectElement;
    select.selectedIndex = [...select.options].findIndex((o) => o.value === shown);
    return select;
  }

  businessInfo(): HTMLElement {
    const { w, m, portfolio } = this;
    const shown =
      portfolio.security.wording === 'unknown' ? w.unknownValue : w.values[portfolio.security.twoFactor];
    const choices = Object.values(w.values);
    const pages = portfolio.assets.filter((a) => a.type === 'page').map((a) => a.name);
    const id = m.uid();
    // Other facts first: the portfolio's name (chosen by its owner), and another dropdown whose choice
    // is a Page's name.
    const facts = this.card(
      m.el('div', { class: 'font-weight:600' }, w.name),
      m.el('div', {}, portfolio.businessName),
      m.el('div', { class: 'font-weight:600;margin-top:12px' }, w.primaryPage),
      pages.length > 0 && this.dropdown(pages[0]!, { 'aria-label': w.primaryPage }),
    );
    const help = m.el('div', { class: 'color:#65676b;font-size:13px' }, w.settingHelp);
    let setting: HTMLElement;
    switch (this.structure) {
      case 'grid':
        setting = m.el(
          'div',
          {},
          m.el('label', { for: id, class: 'display:block;font-weight:600' }, w.setting),
          help,
          this.select(shown, choices, { id }),
        );
        break;
      case 'list':
        setting = m.el(
          'div',
          {},
          m.el('span', { id, class: 'font-weight:600' }, w.setting),
          help,
          m.el(
            'div',
            { role: 'combobox', 'aria-labelledby': id, 'aria-expanded': 'false', tabindex: 0 },
            m.el('span', {}, shown),
          ),
        );
        break;
      case 'table':
        setting = m.el(
          'table',
          {},
          m.el(
            'tbody',
            {},
            m.el(
              'tr',
              {},
              m.el('th', { scope: 'row' }, w.setting),
              m.el('td', {}, this.select(shown, choices, {})),
            ),
          ),
        );
        break;
      case 'labelled-rows':
        setting = m.el('div', {}, help, this.dropdown(shown, { 'aria-label': w.setting }));
        break;
      case 'cards':
        setting = m.el(
          'div',
          { class: 'display:flex;align-items:center;gap:16px' },
          m.el('div', {}, m.heading(4, w.setting), help),
          m.el('div', {}, this.dropdown(shown, { 'aria-haspopup': 'menu' })),
        );
        break;
    }
    return this.page(
      w.businessInfo,
      facts,
      this.card(m.heading(3, w.businessOptions, 'font-weight:700;margin-bottom:8px'), setting),
    );
  }

  securityCenter(): HTMLElement {
    const { w, m, portfolio } = this;
    const unknown = portfolio.security.wording === 'unknown';
    const people = portfolio.people.filter((p) => !p.pending);
    const section = (title: string, help: string | undefined, listed: Listed[]) =>
      this.card(
        m.heading(3, title, 'font-weight:700'),
        help !== undefined && m.el('div', { class: 'color:#65676b;font-size:13px' }, help),
        this.list(listed),
      );
    return this.page(
      w.securityCenter,
      section(
        unknown ? w.unknownWithout : w.without,
        undefined,
        people.filter((p) => p.withoutTwoFactor),
      ),
      section(
        unknown ? w.unknownInactive : w.inactive,
        w.inactiveHelp,
        people.filter((p) => p.inactive),
      ),
      section(
        w.fullControl,
        undefined,
        people.filter((p) => p.access === 'full-control'),
      ),
    );
  }

  private list(listed: Listed[]): HTMLElement {
    const { w, m } = this;
    const remove = () =>
      m.el('div', { role: 'button', tabindex: 0, class: 'color:#0866ff;cursor:pointer' }, w.remove);
    if (this.portfolio.security.people === 'plain-cards')
      // Plain cards: divs with no role, the name a heading one level below the section's title (so a person
      // named like a title is a heading too), the e-mail and an action link.
      return m.el(
        'div',
        { class: 'display:flex;flex-wrap:wrap;gap:8px' },
        ...listed.map((p) =>
          m.el(
            'div',
            { class: 'border:1px solid #dadde1;border-radius:8px;padding:8px' },
            m.heading(4, p.name),
            m.el('div', { class: 'color:#65676b;font-size:13px' }, p.email),
            m.el('span', { class: 'color:#0866ff;cursor:pointer' }, w.remove),
          ),
        ),
      );
    switch (this.structure) {
      case 'grid':
        return m.el(
          'div',
          { role: 'grid', 'aria-rowcount': listed.length + 1 },
          m.el(
            'div',
            { role: 'row', class: 'display:flex;gap:16px;font-weight:600' },
            m.el('div', { role: 'columnheader' }, w.person),
            m.el('div', { role: 'columnheader' }, w.email),
          ),
          ...listed.map((p) =>
            m.el(
              'div',
              { role: 'row', class: 'display:flex;gap:16px' },
              m.el('div', { role: 'gridcell' }, m.el('span', {}, p.name)),
              m.el('div', { role: 'gridcell' }, p.email),
              m.el('div', { role: 'gridcell' }, remove()),
            ),
          ),
        );
      case 'list':
        return m.el(
          'div',
          { role: 'list' },
          ...listed.map((p) =>
            m.el(
              'div',
              { role: 'listitem', class: 'display:flex;gap:8px;padding:8px 0' },
              m.el('span', { class: 'font-weight:600' }, p.name),
              m.el('span', { class: 'color:#65676b' }, p.email),
              remove(),
            ),
          ),
        );
      case 'table':
        return m.el(
          'table',
          {},
          m.el(
            'thead',
            {},
            m.el('tr', {}, m.el('th', {}, w.person), m.el('th', {}, w.email), m.el('th', {})),
          ),
          m.el(
            'tbody',
            {},
            ...listed.map((p) =>
              m.el('tr', {}, m.el('td', {}, p.name), m.el('td', {}, p.email), m.el('td', {}, remove())),
            ),
          ),
        );
      case 'labelled-rows':
        return m.el(
          'div',
          { role: 'list' },
          ...listed.map((p) => {
            const label = m.uid();
            const description = m.uid();
            return m.el(
              'div',
              { role: 'listitem', 'aria-labelledby': label, 'aria-describedby': description },
              m.el('div', { id: label }, p.name),
              m.el('div', { id: description, class: 'color:#65676b;font-size:13px' }, p.email),
              remove(),
            );
          }),
        );
      case 'cards':
        return m.el(
          'div',
          { role: 'list', class: 'display:flex;flex-wrap:wrap;gap:8px' },
          ...listed.map((p) =>
            m.el(
              'div',
              { role: 'listitem', class: 'border:1px solid #dadde1;border-radius:8px;padding:8px' },
              m.heading(4, p.name),
              m.el('div', { class: 'color:#65676b;font-size:13px' }, p.email),
              remove(),
            ),
          ),
        );
    }
  }
}

/**
 * The sample portfolio with Security Center's lists and hostile names: people named "Everyone", "Admins
 * only" and "Two-factor authentication", one named like Security Center's title, a business named "No one"
 * (in the page's language). Nils Holm, a full-control holder, is listed without two-factor by e-mail.
 */
export const securityPeople = [
  { id: '61000000000021', name: 'Everyone', email: 'everyone@contractor.example', withoutTwoFactor: true },
  { id: '61000000000022', name: 'Admins only', email: 'admins@byraab.se', inactive: true },
  {
    id: '61000000000023',
    name: 'Two-factor authentication',
    email: 'tfa@pixelverket.fr',
    withoutTwoFactor: true,
    inactive: true,
  },
  {
    id: '61000000000024',
    name: 'Remove inactive users',
    email: 'riu@contractor.example',
    withoutTwoFactor: true,
  },
] as const;
