import { catalogue } from './i18n';
import type { UiLocale } from './locales';
import type { Principal } from './snapshot';

/**
 * The words of a reminder notification, in the admin's language: who (name and e-mail, or partner and
 * Business ID), which assets, which business, and the end date.
 */
export interface ReminderFacts {
  kind: 'expiry' | 'overdue' | 'review' | 'recheck' | 'removal';
  /** The admin's local date today, and the recorded end date (expiry and overdue). */
  today: string;
  endsAt?: string;
  who?: string;
  assets?: readonly string[];
  business: string;
}

export interface ReminderText {
  title: string;
  message: string;
  /**
   * The notification's buttons, in order: extend, start offboarding (a grant's); start the access review
   * (a periodic review's, issue 14).
   */
  buttons: { extend: string; offboard: string; startReview: string };
}

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

/** How a subject is named in a reminder: from what was read on the page, else from its key. */
export function describeSubject(
  locale: UiLocale,
  subject: string,
  principal?: Principal,
  name?: string,
): string {
  const [kind, ...rest] = subject.split(':');
  const id = rest.join(':');
  const shown = principal?.name ?? name;
  const t = catalogue(locale).subjects;
  if (kind === 'person') return shown && shown !== id ? `${shown} (${id})` : id;
  if (kind === 'partner') return shown ? `${shown} (${t.businessId(id)})` : t.businessId(id);
  if (kind === 'system-user') return shown ?? t.systemUser(id);
  return shown ?? subject;
}

const list = (items: readonly string[] | undefined, none: string) =>
  items && items.length > 0
    ? items.length > 3
      ? `${items.slice(0, 3).join(', ')} +${items.length - 3}`
      : items.join(', ')
    : none;

const texts: Record<UiLocale, (f: ReminderFacts) => ReminderText> = {
  en: (f) => {
    const left = f.endsAt ? daysBetween(f.today, f.endsAt) : 0;
    const who = f.who ?? 'Someone';
    const assets = list(f.assets, 'no assets recorded');
    const buttons = {
      extend: 'Extend…',
      offboard: 'Start offboarding',
      startReview: 'Start the access review',
    };
    switch (f.kind) {
      case 'expiry':
        return {
          title:
            left <= 0
              ? `Access ends today: ${who}`
              : left === 1
                ? `Access ends tomorrow: ${who}`
                : `Access ends in ${left} days: ${who}`,
          message: `${assets} · ${f.business} · ends ${f.endsAt}. Extend it with a reason, or offboard.`,
          buttons,
        };
      case 'overdue':
        return {
          title: `Access ended ${-left} day${left === -1 ? '' : 's'} ago: ${who}`,
          message: `${assets} · ${f.business} · ended ${f.endsAt}. Remove the access, or record an extension.`,
          buttons,
        };
      case 'review':
        return {
          title: `Time to review access: ${f.business}`,
          message:
            'Who holds what, and is it still needed? Start the access review: a decision on each access.',
          buttons,
        };
      case 'removal':
        return {
          title: `Still present after 7 days: ${who}`,
          message: `${f.business} · ${list(f.assets, 'access')}. The access review decided to remove it; no read has shown it gone. Switch it off in Business Settings: the next read verifies it.`,
          buttons,
        };
      case 'recheck':
        return {
          title: `Check the offboarding again: ${who}`,
          message: `${f.business}: a week has passed. Confirm that nothing of theirs is back.`,
          buttons,
        };
    }
  },
  sv: (f) => {
    const left = f.endsAt ? daysBetween(f.today, f.endsAt) : 0;
    const who = f.who ?? 'Någon';
    const assets = list(f.assets, 'inga tillgångar dokumenterade');
    const buttons = {
      extend: 'Förläng…',
      offboard: 'Avsluta åtkomst',
      startReview: 'Starta åtkomstgranskningen',
    };
    switch (f.kind) {
      case 'expiry':
        return {
          title:
            left <= 0
              ? `Åtkomsten upphör i dag: ${who}`
              : left === 1
                ? `Åtkomsten upphör i morgon: ${who}`
                : `Åtkomsten upphör om ${left} dagar: ${who}`,
          message: `${assets} · ${f.business} · upphör ${f.endsAt}. Förläng med en motivering, eller avsluta.`,
          buttons,
        };
      case 'overdue':
        return {
          title: `Åtkomsten upphörde för ${-left} dag${left === -1 ? '' : 'ar'} sedan: ${who}`,
          message: `${assets} · ${f.business} · upphörde ${f.endsAt}. Ta bort åtkomsten eller dokumentera en förlängning.`,
          buttons,
        };
      case 'review':
        return {
          title: `Dags att granska åtkomsten: ${f.business}`,
          message:
            'Vem har vad, och behövs det fortfarande? Starta åtkomstgranskningen: ett beslut per åtkomst.',
          buttons,
        };
      case 'removal':
        return {
          title: `Finns kvar efter 7 dagar: ${who}`,
          message: `${f.business} · ${list(f.assets, 'åtkomst')}. Åtkomstgranskningen beslutade att ta bort det; ingen läsning har visat det borta. Stäng av det i företagsinställningarna: nästa läsning bekräftar det.`,
          buttons,
        };
      case 'recheck':
        return {
          title: `Kontrollera avslutet igen: ${who}`,
          message: `${f.business}: en vecka har gått. Bekräfta att inget av deras har kommit tillbaka.`,
          buttons,
        };
    }
  },
  fr: (f) => {
    const left = f.endsAt ? daysBetween(f.today, f.endsAt) : 0;
    const who = f.who ?? 'Quelqu’un';
    const assets = list(f.assets, 'aucune ressource enregistrée');
    const buttons = {
      extend: 'Prolonger…',
      offboard: 'Lancer le retrait',
      startReview: 'Lancer la revue des accès',
    };
    switch (f.kind) {
      case 'expiry':
        return {
          title:
            left <= 0
              ? `L’accès prend fin aujourd’hui : ${who}`
              : left === 1
                ? `L’accès prend fin demain : ${who}`
                : `L’accès prend fin dans ${left} jours : ${who}`,
          message: `${assets} · ${f.business} · fin le ${f.endsAt}. Prolongez-le avec un motif, ou retirez-le.`,
          buttons,
        };
      case 'overdue':
        return {
          title: `L’accès a pris fin il y a ${-left} jour${left === -1 ? '' : 's'} : ${who}`,
          message: `${assets} · ${f.business} · fini le ${f.endsAt}. Retirez l’accès ou enregistrez une prolongation.`,
          buttons,
        };
      case 'review':
        return {
          title: `Il est temps de revoir les accès : ${f.business}`,
          message:
            'Qui détient quoi, et est-ce encore utile ? Lancez la revue des accès : une décision par accès.',
          buttons,
        };
      case 'removal':
        return {
          title: `Toujours présent après 7 jours : ${who}`,
          message: `${f.business} · ${list(f.assets, 'accès')}. La revue des accès a décidé de le retirer ; aucune lecture ne l’a montré parti. Retirez-le dans les paramètres de l’entreprise : la lecture suivante le vérifie.`,
          buttons,
        };
      case 'recheck':
        return {
          title: `Revérifier le retrait : ${who}`,
          message: `${f.business} : une semaine a passé. Vérifiez que rien ne leur a été rendu.`,
          buttons,
        };
    }
  },
};

export function reminderText(locale: UiLocale, facts: ReminderFacts): ReminderText {
  return texts[locale](facts);
}

/**
 * How a notification names a business: its name as a page last showed it (issue 15), else "business
 * <ID>": unknown stays unknown, never guessed.
 */
export function businessLabel(locale: UiLocale, businessId: string, name?: string): string {
  if (name) return name;
  return { en: 'business', sv: 'företag', fr: 'entreprise' }[locale] + ` ${businessId}`;
}

/** The monthly suggestion to export the ledger (a notification, and a line in the popup's due list). */
export function backupText(locale: UiLocale): { title: string; message: string } {
  return {
    en: {
      title: 'Export your Scopekeeper ledger',
      message:
        'Your grant records and decisions live only in this browser. Export a copy from Scopekeeper’s settings.',
    },
    sv: {
      title: 'Exportera din Scopekeeper-liggare',
      message:
        'Dina åtkomstposter och beslut finns bara i den här webbläsaren. Exportera en kopia från Scopekeepers inställningar.',
    },
    fr: {
      title: 'Exportez votre registre Scopekeeper',
      message:
        'Vos fiches d’accès et vos décisions ne sont gardées que dans ce navigateur. Exportez-en une copie depuis les paramètres de Scopekeeper.',
    },
  }[locale];
}

/** What an alert says it gave: full control of the portfolio, or of an asset (by name). */
export interface AlertFacts {
  who: string;
  /** The asset's name, when the full control is of an asset; else of the business portfolio. */
  asset?: string;
  business: string;
  /** When a read first showed it (YYYY-MM-DD). */
  seen: string;
}

/**
 * An unrecorded change that gave full control (issue 13): notified at once, not at the reminder hour.
 * Who, what, on which business, and when it was first seen.
 */
export function alertText(locale: UiLocale, f: AlertFacts): { title: string; message: string } {
  switch (locale) {
    case 'en':
      return {
        title: `Unrecorded full control: ${f.business}`,
        message: `${f.who} gained full control of ${f.asset ? `“${f.asset}”` : 'the business portfolio'}, first seen ${f.seen}. No record approves it. Open Business Settings to record it or remove it.`,
      };
    case 'sv':
      return {
        title: `Odokumenterad full kontroll: ${f.business}`,
        message: `${f.who} fick full kontroll över ${f.asset ? `”${f.asset}”` : 'företagsportföljen'}, sågs första gången ${f.seen}. Inget dokument godkänner det. Öppna företagsinställningarna för att dokumentera eller ta bort det.`,
      };
    case 'fr':
      return {
        title: `Contrôle total non enregistré : ${f.business}`,
        message: `${f.who} a obtenu le contrôle total ${f.asset ? `de « ${f.asset} »` : 'du portefeuille d’entreprise'}, vu pour la première fois le ${f.seen}. Aucun enregistrement ne l’approuve. Ouvrez les paramètres de l’entreprise pour l’enregistrer ou le retirer.`,
      };
  }
}
