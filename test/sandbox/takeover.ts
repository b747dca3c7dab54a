import type { SandboxPortfolio } from './portfolio';

/**
 * The sandbox's takeover scenario (issue 13), for a newcomer to try the change watch by hand: "Simulate a
 * takeover" adds, as an attacker would between two visits, an admin with full control of the portfolio and
 * a partner with full control of the ad account; the admin then removes them one by one, as the incident
 * checklist asks. The scenario is kept in the page's localStorage, so it survives reloads like Meta's own
 * data would; "Reset the sandbox" forgets it (and the access switched off, edits.ts). Shown only when the
 * portfolio asks for demo controls.
 */
export interface TakeoverState {
  on: boolean;
  /** Who the admin removed since: people's e-mails and partners' Business IDs. */
  removed: string[];
}

export const ATTACKER = {
  id: '61000000000666',
  name: 'Mallory Vance',
  email: 'mallory.vance@growth-hackers.example',
} as const;
export const ATTACKER_PARTNER = { businessId: '9988776655443322', name: 'Growth Hackers Ltd' } as const;

const key = (businessId: string) => `sandbox-takeover:${businessId}`;

export function loadTakeover(storage: Storage | undefined, businessId: string): TakeoverState {
  try {
    const raw = JSON.parse(storage?.getItem(key(businessId)) ?? 'null') as Partial<TakeoverState> | null;
    return {
      on: raw?.on === true,
      removed: Array.isArray(raw?.removed) ? raw.removed.filter((r) => typeof r === 'string') : [],
    };
  } catch {
    return { on: false, removed: [] };
  }
}

export function saveTakeover(storage: Storage | undefined, businessId: string, state: TakeoverState): void {
  if (state.on || state.removed.length > 0) storage?.setItem(key(businessId), JSON.stringify(state));
  else storage?.removeItem(key(businessId));
}

/** The portfolio as the takeover left it: the attacker's admin and partner added, the removed ones gone. */
export function applyTakeover(portfolio: SandboxPortfolio, state: TakeoverState): SandboxPortfolio {
  if (!state.on && state.removed.length === 0) return portfolio;
  const next = structuredClone(portfolio);
  if (state.on) {
    next.people.push({ ...ATTACKER, access: 'full-control', pending: false, assets: [] });
    const ads = next.assets.find((a) => a.type === 'ad-account');
    next.partners.push({
      ...ATTACKER_PARTNER,
      assets: ads ? [{ asset: ads.id, full: true, tasks: [] }] : [],
    });
  }
  next.people = next.people.filter((p) => !state.removed.includes(p.email));
  next.partners = next.partners.filter((p) => !state.removed.includes(p.businessId));
  return next;
}

export const takeoverStrings = {
  en: {
    controls: 'Sandbox controls (not part of Business Settings)',
    simulate: 'Simulate a takeover',
    simulated: 'A takeover happened: someone added an admin and a partner with full control.',
    remove: (name: string) => `Remove ${name}`,
    reset: 'Reset the sandbox',
    switchOffWhat: 'Access to switch off, as in Business Settings',
    switchOff: 'Switch off',
    wholeAsset: (asset: string) => `${asset}: all access`,
  },
  sv: {
    controls: 'Sandlådans reglage (inte en del av företagsinställningarna)',
    simulate: 'Simulera ett kapningsförsök',
    simulated:
      'Ett kapningsförsök har skett: någon lade till en administratör och en partner med full kontroll.',
    remove: (name: string) => `Ta bort ${name}`,
    reset: 'Återställ sandlådan',
    switchOffWhat: 'Åtkomst att stänga av, som i företagsinställningarna',
    switchOff: 'Stäng av',
    wholeAsset: (asset: string) => `${asset}: all åtkomst`,
  },
  fr: {
    controls: 'Commandes du bac à sable (hors paramètres de l’entreprise)',
    simulate: 'Simuler une prise de contrôle',
    simulated:
      'Une prise de contrôle a eu lieu : quelqu’un a ajouté un administrateur et un partenaire avec le contrôle total.',
    remove: (name: string) => `Retirer ${name}`,
    reset: 'Réinitialiser le bac à sable',
    switchOffWhat: 'Accès à désactiver, comme dans les paramètres de l’entreprise',
    switchOff: 'Désactiver',
    wholeAsset: (asset: string) => `${asset} : tout l’accès`,
  },
} as const;
