import type { AssetType, TaskKey } from '../../lib/domain/snapshot';
import type { Child, Markup } from './markup';
import type { SandboxAsset, SandboxAssignment } from './portfolio';
import type { PaneStructure } from './structures';
import { tasksByAssetType, type SandboxStrings } from './strings';

/** What a pane's header shows about one person, partner or system user, whatever the structure. */
export interface PaneSubject {
  /** The pane title: the name (a pending invitee's e-mail where the list names invitations so). */
  title: string;
  /** "(you)", when the subject is the admin looking. */
  you?: string;
  email?: string;
  /** A person's portfolio access, in the page's words. */
  access?: string;
  /** A system user's role, in the page's words. */
  role?: string;
  pending?: boolean;
  temporaryUntil?: string;
  /** A partner's Business ID. */
  businessId?: string;
  /** A system user's ID. */
  userId?: string;
}

/** One switch or checkbox of an asset: a task, "Everything except sensitive actions" or full control. */
export interface Toggle {
  key: TaskKey | 'full' | 'except';
  label: string;
  description: string;
  checked: boolean;
}

type Grant = { full?: boolean | 'except-sensitive'; tasks: Iterable<TaskKey> };

const GREY = 'color:#65676b';
const TITLE = 'font-size:20px;font-weight:700';
const BADGE = 'background:#fff3cd;color:#7a5b00;border-radius:4px;padding:2px 6px;font-size:13px';
const ROW = 'display:flex;align-items:center;justify-content:space-between;padding:4px 0;font-size:14px';
const WRAP = 'display:flex;flex-direction:column';

/**
 * The detail pane of a selected person, partner or system user, in one of the pane structures of
 * structures.ts: the same facts, arranged by the mechanics of research/meta-markup-evidence.md.
 */
export class PaneRenderer {
  constructor(
    private readonly m: Markup,
    private readonly t: SandboxStrings,
    private readonly assets: readonly SandboxAsset[],
    private readonly structure: PaneStructure,
    /** Whether the `headings` pane's dates carry <time> (it follows the list structure, as it always did). */
    private readonly machineDates: boolean,
  ) {}

  /** The whole pane: header and assigned assets. */
  principalPane(subject: PaneSubject, grants: SandboxAssignment[]): Node[] {
    const header = this.header(subject);
    const assets = this.assignments(grants);
    switch (this.structure) {
      case 'plain-labels':
      case 'div-switches':
        // Extra wrappers around everything, as nested Geo layout components make.
        return [
          this.m.el('div', { class: WRAP }, this.m.el('div', {}, ...header), this.m.el('div', {}, ...assets)),
        ];
      case 'details':
        return [this.m.el('div', {}, ...header), ...assets];
      default:
        return [...header, ...assets];
    }
  }

  /** The switches of one asset (also the dialogs' asset picker, which is always `headings`-like). */
  toggles(type: AssetType, grant: Grant, readOnly: boolean): Toggle[] {
    const t = this.t;
    const tasks = new Set(grant.tasks);
    const full = grant.full === true;
    const out: Toggle[] = tasksByAssetType[type].map((key) => ({
      key,
      label: t.tasks[key],
      description: t.taskDescriptions[key],
      checked: full || tasks.has(key),
    }));
    if (type === 'page' && readOnly)
      out.push({
        key: 'except',
        label: t.exceptSensitive,
        description: t.exceptSensitiveDescription,
        checked: grant.full === 'except-sensitive',
      });
    out.push({ key: 'full', label: t.full[type], description: t.fullDescription, checked: full });
    return out;
  }

  /** input[role=switch] named by aria-label inside a <label>: the `headings` structure and the dialogs. */
  labelSwitches(
    type: AssetType,
    grant: Grant,
    readOnly: boolean,
    onChange?: (key: TaskKey | 'full', on: boolean) => void,
  ): HTMLElement[] {
    return this.toggles(type, grant, readOnly).map(({ key, label, checked }) =>
      this.m.el(
        'label',
        { class: ROW },
        this.m.el('span', {}, label),
        this.m.el('input', {
          type: 'checkbox',
          role: 'switch',
          'aria-label': label,
          checked,
          'aria-checked': checked ? 'true' : 'false',
          disabled: readOnly ? 'disabled' : undefined,
          onchange: (e) =>
            onChange?.(key === 'except' ? 'full' : key, (e.target as HTMLInputElement).checked),
        }),
      ),
    );
  }

  /** "Full control" / "Everything except sensitive actions" / "Partial access · Content, Ads". */
  accessText(grant: SandboxAssignment): string {
    const t = this.t;
    if (grant.full === true) return t.fullControl;
    if (grant.full === 'except-sensitive') return t.exceptSensitive;
    return `${t.partialAccess} · ${grant.tasks.map((k) => t.tasks[k]).join(', ')}`;
  }

  /** An ID line in this structure's form ("ID: 1", "ID\u00a0: 1", a label and a value, …). */
  idLine(label: string, id: string): HTMLElement[] {
    const { m, t } = this;
    switch (this.structure) {
      case 'headings':
        return [m.el('div', { class: `${GREY};margin:4px 0 12px` }, `${label}: ${id}`)];
      case 'bold-names':
        return [m.el('div', { class: GREY }, `${label}${t.colons[0]}${id}`)];
      case 'div-switches':
        return [m.el('div', {}, m.el('div', { class: GREY }, `${label}${t.colons[1]}${id}`))];
      case 'details':
        return [m.el('div', { class: GREY }, `${label}${t.colons[2]}${id}`)];
      case 'plain-labels':
        return [this.labelValue(label, id)];
      case 'flat':
        return [m.el('div', { class: `${GREY};font-size:13px` }, label), m.el('div', {}, id)];
    }
  }

  /** The level of the People / Partners headings of an asset page (2–4, by structure). */
  sectionLevel(): number {
    return { headings: 3, 'plain-labels': 2, 'bold-names': 4, 'div-switches': 3, details: 4, flat: 2 }[
      this.structure
    ];
  }

  // ---------- header ----------

  private header(s: PaneSubject): Node[] {
    const { m, t } = this;
    const title = m.heading(2, s.title, TITLE);
    const badge = () => m.el('span', { class: BADGE }, t.pending);
    const you = () => (s.you ? m.el('span', { class: `${GREY};margin-left:4px` }, s.you) : null);
    const present = (...c: (HTMLElement | null)[]) => m.present(...c);
    const ids = () => [
      ...(s.businessId ? this.idLine(this.businessIdLabel(), s.businessId) : []),
      ...(s.userId ? this.idLine(t.idLabel, s.userId) : []),
    ];
    switch (this.structure) {
      case 'headings':
        // Exactly the pane the sandbox always had.
        return present(
          title,
          s.you ? m.el('span', { class: GREY }, s.you) : null,
          ...ids(),
          s.email ? m.el('div', { class: `${GREY};margin:4px 0 12px` }, s.email) : null,
          s.access
            ? m.el(
                'div',
                {},
                m.el('span', { class: 'font-weight:600' }, `${t.access}: `),
                m.el('span', {}, s.access),
              )
            : null,
          s.role ? m.el('div', {}, m.el('span', {}, s.role)) : null,
          s.pending ? m.el('div', {}, m.el('span', {}, t.pending)) : null,
          s.temporaryUntil
            ? m.el('div', {}, `${t.accessExpires} `, m.date(s.temporaryUntil, this.machineDates))
            : null,
        );
      case 'plain-labels':
        return present(
          m.el('div', {}, m.el('div', { class: 'display:flex;align-items:baseline;gap:6px' }, title, you())),
          s.email ? m.el('div', {}, m.el('div', { class: GREY }, s.email)) : null,
          s.access ? this.labelValue(t.access, s.access) : null,
          s.role ? this.labelValue(t.access, s.role) : null,
          s.pending ? m.el('div', {}, badge()) : null,
          s.temporaryUntil ? this.labelValue(t.accessExpires, m.date(s.temporaryUntil, true)) : null,
          ...ids(),
        );
      case 'bold-names':
        // Access before e-mail; "(you)" after the e-mail, as its own element.
        return present(
          title,
          s.access ? m.el('div', { class: 'font-weight:600' }, s.access) : null,
          s.role ? m.el('div', { class: 'font-weight:600' }, s.role) : null,
          s.email ? m.el('div', { class: GREY }, s.email) : null,
          you(),
          s.pending ? badge() : null,
          s.temporaryUntil ? m.el('div', {}, `${t.accessExpires} `, m.date(s.temporaryUntil, false)) : null,
          ...ids(),
        );
      case 'div-switches':
        return present(
          m.el('div', {}, m.el('div', { class: WRAP }, title)),
          s.email
            ? m.el(
                'div',
                {},
                m.el('div', { class: 'display:flex;gap:6px' }, m.el('div', { class: GREY }, s.email), you()),
              )
            : null,
          s.access ? m.el('div', {}, m.el('div', {}, `${t.access}${t.colons[1]}${s.access}`)) : null,
          s.role ? m.el('div', {}, m.el('div', {}, `${t.access}${t.colons[1]}${s.role}`)) : null,
          s.pending ? m.el('div', {}, m.el('div', {}, badge())) : null,
          s.temporaryUntil
            ? m.el('div', {}, m.el('span', {}, t.accessExpires), ' ', m.date(s.temporaryUntil, true))
            : null,
          ...ids(),
        );
      case 'details':
        // The pending badge before the name; access in a description list.
        return present(
          m.el(
            'div',
            { class: 'display:flex;align-items:center;gap:8px' },
            s.pending ? badge() : null,
            title,
            you(),
          ),
          s.email ? m.el('div', { class: GREY }, s.email) : null,
          s.access || s.role
            ? m.el(
                'dl',
                { class: 'margin:8px 0' },
                m.el('dt', { class: 'font-weight:600' }, t.access),
                m.el('dd', { class: 'margin:0' }, (s.access ?? s.role)!),
              )
            : null,
          s.temporaryUntil ? m.el('div', {}, `${t.accessExpires} `, m.date(s.temporaryUntil, true)) : null,
          ...ids(),
        );
      case 'flat':
        // Everything a sibling; the ID before the name, access before the e-mail.
        return present(
          ...ids(),
          title,
          you(),
          s.access ? m.el('div', {}, s.access) : null,
          s.role ? m.el('div', {}, s.role) : null,
          s.email ? m.el('div', { class: GREY }, s.email) : null,
          s.pending ? badge() : null,
          s.temporaryUntil ? m.el('div', {}, `${t.accessExpires} `, m.date(s.temporaryUntil, false)) : null,
        );
    }
  }

  /** "ID de l’entreprise", "ID d’entreprise" or plain "ID", by structure (LEXICON.md, business-id line). */
  private businessIdLabel(): string {
    if (this.structure === 'bold-names' || this.structure === 'flat') return this.t.businessIdLong;
    if (this.structure === 'div-switches') return this.t.idLabel;
    return this.t.businessId;
  }

  /** A label element beside a value element, no colon (GeoTextPairing's label/value form). */
  private labelValue(label: string, value: Child): HTMLElement {
    const { m } = this;
    return m.el(
      'div',
      { class: 'display:flex;gap:8px' },
      m.el('div', { class: `${GREY};font-weight:600` }, label),
      m.el('div', {}, value),
    );
  }

  // ---------- assigned assets ----------

  /** The grants grouped by asset type, in the order their types first appear. */
  private groups(
    grants: SandboxAssignment[],
  ): { type: AssetType; items: { asset: SandboxAsset; grant: SandboxAssignment }[] }[] {
    const types = [
      ...new Set(grants.map((g) => this.assets.find((a) => a.id === g.asset)?.type).filter(Boolean)),
    ] as AssetType[];
    return types.map((type) => ({
      type,
      items: grants.flatMap((grant) => {
        const asset = this.assets.find((a) => a.id === grant.asset);
        return asset && asset.type === type ? [{ asset, grant }] : [];
      }),
    }));
  }

  private assignments(grants: SandboxAssignment[]): HTMLElement[] {
    const { m, t } = this;
    const groups = this.groups(grants);
    switch (this.structure) {
      case 'headings':
        // Assets grouped by type, each name a role=heading, each task an input[role=switch] (research §5).
        return [
          m.heading(3, t.assignedAssets, 'font-weight:700;margin-top:16px'),
          ...groups.map(({ type, items }) =>
            m.el(
              'div',
              { class: 'margin-top:12px' },
              m.heading(3, t.assetTypes[type], `${GREY};font-size:13px;font-weight:600`),
              ...items.map(({ asset, grant }) =>
                m.el(
                  'div',
                  { class: 'padding:8px 0;border-bottom:1px solid #f0f2f5' },
                  m.heading(4, asset.name, 'font-weight:600'),
                  ...this.labelSwitches(type, grant, true),
                ),
              ),
            ),
          ),
        ];
      case 'plain-labels':
        return [
          m.el(
            'div',
            { class: 'margin-top:16px' },
            m.el('div', { class: 'font-weight:700' }, t.assignedAssets),
            ...groups.map(({ type, items }) =>
              m.el(
                'div',
                { class: 'margin-top:12px' },
                m.el('div', { class: `${GREY};font-size:13px;font-weight:600` }, t.assetTypes[type]),
                ...items.map(({ asset, grant }) =>
                  m.el(
                    'div',
                    {},
                    m.el(
                      'div',
                      { class: 'padding:8px 0' },
                      m.heading(3, asset.name, 'font-weight:600'),
                      m.el('div', {}, ...this.geoSwitches(asset.type, grant)),
                    ),
                  ),
                ),
              ),
            ),
          ),
        ];
      case 'bold-names':
        return [
          m.heading(3, t.assignedAssets, 'font-weight:700;margin-top:16px'),
          ...groups.map(({ type, items }) =>
            m.el(
              'div',
              {},
              m.el('h3', { class: 'font-size:13px;margin:12px 0 4px' }, t.assetTypes[type]),
              ...items.map(({ asset, grant }) =>
                m.el(
                  'div',
                  { class: 'padding:6px 0' },
                  m.el('div', {}, m.el('strong', {}, asset.name)),
                  m.el('div', { class: `${GREY};font-size:13px` }, this.accessText(grant)),
                ),
              ),
            ),
          ),
        ];
      case 'div-switches':
        // No section title: the type headings are the only landmarks.
        return groups.map(({ type, items }) =>
          m.el(
            'div',
            { class: 'margin-top:12px' },
            m.el(
              'div',
              {},
              m.heading(3, t.assetTypes[type], 'font-weight:600'),
              ...items.map(({ asset, grant }) =>
                m.el(
                  'div',
                  { class: 'padding:8px 0' },
                  // GeoTextPairing: the name a header4, the asset's ID its description.
                  m.el(
                    'div',
                    {},
                    m.heading(4, asset.name, 'font-weight:600'),
                    m.el('div', { class: `${GREY};font-size:12px` }, `${t.idLabel}: ${asset.id}`),
                  ),
                  m.el('div', {}, ...this.divSwitches(asset.type, grant)),
                ),
              ),
            ),
          ),
        );
      case 'details':
        return [
          m.heading(3, t.assignedAssets, 'font-weight:700;margin-top:16px'),
          ...groups.map(({ type, items }) =>
            m.el(
              'details',
              { open: '' },
              m.el('summary', { class: 'font-weight:600;cursor:pointer' }, t.assetTypes[type]),
              ...items.map(({ asset, grant }) =>
                m.el(
                  'div',
                  { class: 'padding:6px 0 6px 12px' },
                  m.el('div', { class: 'font-weight:600' }, asset.name),
                  ...this.checkboxes(asset.type, grant),
                ),
              ),
            ),
          ),
        ];
      case 'flat':
        return [
          m.el('div', { class: 'font-weight:700;margin-top:16px' }, t.assignedAssets),
          ...groups.flatMap(({ type, items }) => [
            m.heading(3, t.assetTypes[type], `${GREY};font-size:13px`),
            ...items.flatMap(({ asset, grant }) => [
              m.el('div', { class: 'font-weight:700' }, asset.name),
              ...this.toggles(asset.type, grant, true).flatMap(({ label, checked }) => [
                m.el('span', { class: 'font-size:14px' }, label),
                m.el('div', {
                  role: 'switch',
                  tabindex: 0,
                  'aria-label': label,
                  'aria-checked': checked ? 'true' : 'false',
                  'aria-readonly': 'true',
                  class: checked
                    ? 'width:36px;height:20px;background:#0866ff'
                    : 'width:36px;height:20px;background:#ccd0d5',
                }),
              ]),
            ]),
          ]),
        ];
    }
  }

  /** GeoSwitch: aria-label = its label, aria-describedby → its description, a visible <label for>. */
  private geoSwitches(type: AssetType, grant: Grant): HTMLElement[] {
    const { m } = this;
    return this.toggles(type, grant, true).map(({ label, description, checked }) => {
      const id = m.uid();
      const descriptionId = m.uid();
      return m.el(
        'div',
        { class: ROW },
        m.el(
          'div',
          {},
          m.el('label', { for: id }, label),
          m.el('div', { id: descriptionId, class: `${GREY};font-size:12px` }, description),
        ),
        m.el('input', {
          type: 'checkbox',
          role: 'switch',
          id,
          'aria-label': label,
          'aria-describedby': descriptionId,
          checked,
          'aria-checked': checked ? 'true' : 'false',
          disabled: 'disabled',
        }),
      );
    });
  }

  /** div[role=switch] named by aria-labelledby, described by aria-describedby. */
  private divSwitches(type: AssetType, grant: Grant): HTMLElement[] {
    const { m } = this;
    return this.toggles(type, grant, true).map(({ label, description, checked }) => {
      const labelId = m.uid();
      const descriptionId = m.uid();
      return m.el(
        'div',
        { class: ROW },
        m.el(
          'div',
          {},
          m.el('span', { id: labelId }, label),
          m.el('div', { id: descriptionId, class: `${GREY};font-size:12px` }, description),
        ),
        m.el(
          'div',
          {
            role: 'switch',
            tabindex: 0,
            'aria-checked': checked ? 'true' : 'false',
            'aria-labelledby': labelId,
            'aria-describedby': descriptionId,
            'aria-disabled': 'true',
            class: 'width:36px;height:20px;border-radius:10px;background:#ccd0d5',
          },
          m.el('div', { class: 'width:16px;height:16px;border-radius:50%;background:#fff' }),
        ),
      );
    });
  }

  /** Older Geo checkboxes: input[type=checkbox] with aria-checked and aria-labelledby, and <label for>. */
  private checkboxes(type: AssetType, grant: Grant): HTMLElement[] {
    const { m } = this;
    return this.toggles(type, grant, true).map(({ label, checked }) => {
      const id = m.uid();
      const labelId = m.uid();
      return m.el(
        'div',
        { class: 'display:flex;align-items:center;gap:6px;padding:2px 0;font-size:14px' },
        m.el('input', {
          type: 'checkbox',
          id,
          checked,
          'aria-checked': checked ? 'true' : 'false',
          'aria-labelledby': labelId,
          disabled: 'disabled',
        }),
        m.el('label', { id: labelId, for: id }, label),
      );
    });
  }
}
