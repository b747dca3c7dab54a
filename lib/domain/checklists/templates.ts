import type { UiLocale } from '../rules/types';

/**
 * The checklist templates (DESIGN.md "Checklists"), as data: stable step ids, the evidence that ticks a step
 * by itself, and the words in every UI language. A step without evidence is ticked by hand.
 */
export const templateIds = [
  'onboard-person',
  'onboard-partner',
  'offboard-partner',
  'periodic-review',
  'incident-response',
] as const;
export type TemplateId = (typeof templateIds)[number];

/** What a snapshot or the ledger can show to complete a step (see evidence.ts for each). */
export type EvidenceKind =
  | 'case-recorded'
  | 'business-id-known'
  | 'listed-pending'
  | 'listed-accepted'
  | 'least-role'
  | 'holds-assets'
  | 'matches-record'
  | 'record-with-end-date'
  | 'partner-absent'
  | 'people-absent'
  | 'system-users-absent'
  | 'asset-roles-absent'
  | 'removal-verified'
  | 'removal-verified-again'
  | 'export-since-start'
  | 'end-dates-set'
  | 'decision-since-start'
  | 'unknown-listed'
  | 'partners-absent'
  | 'unknown-absent'
  | 'incident-documented';

export interface StepText {
  title: string;
  hint: string;
}

export interface TemplateStep {
  id: string;
  evidence?: EvidenceKind;
  text: Record<UiLocale, StepText>;
}

/** What finishing a run records in the ledger besides its note. */
export type FinishEffect =
  /** The subject and the people and system users named with it are recorded as revoked. */
  | 'revoke-subject-and-related'
  /** The business's review cadence starts again from now. */
  | 'restart-review-cadence';

/** A step due some days after another was ticked (a reminder is scheduled for it). */
export interface FollowUp {
  step: string;
  after: string;
  days: number;
}

export interface Template {
  id: TemplateId;
  /** What the template is for: the panel and the popup offer it by purpose and subject kind. */
  purpose: 'onboard' | 'offboard' | 'review' | 'incident';
  /** Who the run is about: a person's e-mail, a partner's Business ID, or the whole business. */
  subjectKind: 'person' | 'partner' | 'business';
  /** At the start, propose the people whose e-mail domain spells the subject's name (to remove with it). */
  suggestsRelated?: boolean;
  /**
   * At the start, the background names the run's related subjects itself: every principal with an open
   * (unrecorded, still in effect) change in the business, with their names and the full-control holders.
   */
  relatesOpenChanges?: boolean;
  onFinish?: FinishEffect;
  followUps?: readonly FollowUp[];
  title: Record<UiLocale, string>;
  steps: TemplateStep[];
}

const step = (
  id: string,
  evidence: EvidenceKind | undefined,
  en: StepText,
  sv: StepText,
  fr: StepText,
): TemplateStep => ({ id, ...(evidence ? { evidence } : {}), text: { en, sv, fr } });

const t = (title: string, hint: string): StepText => ({ title, hint });

const defineCase = step(
  'define-case',
  'case-recorded',
  t('Define the case and the smallest scope', 'Write down why access is needed and which assets it covers.'),
  t(
    'Beskriv ärendet och minsta omfattning',
    'Skriv varför åtkomsten behövs och vilka tillgångar den gäller.',
  ),
  t(
    'Définir le besoin et le périmètre minimal',
    'Notez pourquoi l’accès est nécessaire et quelles ressources il couvre.',
  ),
);
const setEndDate = step(
  'set-end-date',
  'record-with-end-date',
  t('Set an end date', 'Document the access in Scopekeeper with an end date (at most the maximum duration).'),
  t(
    'Ange ett slutdatum',
    'Dokumentera åtkomsten i Scopekeeper med ett slutdatum (inom den längsta tillåtna tiden).',
  ),
  t(
    'Fixer une date de fin',
    'Documentez l’accès dans Scopekeeper avec une date de fin (dans la limite de la durée maximale).',
  ),
);
const verifyAccess = step(
  'verify-access',
  'matches-record',
  t(
    'Verify the access matches the record',
    'Open the detail pane: the assets and tasks shown must be those recorded.',
  ),
  t(
    'Kontrollera att åtkomsten stämmer med posten',
    'Öppna detaljpanelen: tillgångarna och uppgifterna ska vara de som dokumenterats.',
  ),
  t(
    'Vérifier que l’accès correspond à l’enregistrement',
    'Ouvrez le volet de détail : les ressources et tâches affichées doivent être celles enregistrées.',
  ),
);
const documentDecision = step(
  'document-decision',
  'record-with-end-date',
  t('Document the decision', 'The grant record holds the case, the approver and the end date.'),
  t('Dokumentera beslutet', 'Posten innehåller ärendet, godkännaren och slutdatumet.'),
  t('Documenter la décision', 'L’enregistrement contient le besoin, l’approbateur et la date de fin.'),
);
const scheduleReview = step(
  'schedule-review',
  'record-with-end-date',
  t('Schedule the review', 'Scopekeeper reminds you before the recorded end date.'),
  t('Planera uppföljningen', 'Scopekeeper påminner dig före det dokumenterade slutdatumet.'),
  t('Planifier la revue', 'Scopekeeper vous le rappelle avant la date de fin enregistrée.'),
);

const onboardPerson: Template = {
  id: 'onboard-person',
  purpose: 'onboard',
  subjectKind: 'person',
  title: {
    en: 'Onboard a person',
    sv: 'Ge en person åtkomst',
    fr: 'Intégrer une personne',
  },
  steps: [
    defineCase,
    step(
      'least-role',
      'least-role',
      t(
        'Grant the least role per asset',
        'Basic access, and only the tasks each asset needs: no full control.',
      ),
      t(
        'Ge minsta roll per tillgång',
        'Grundläggande åtkomst och bara de uppgifter varje tillgång kräver: ingen full kontroll.',
      ),
      t(
        'Accorder le rôle minimal par ressource',
        'Accès de base et seulement les tâches nécessaires : pas de contrôle total.',
      ),
    ),
    setEndDate,
    step(
      'send-invite',
      'listed-pending',
      t('Send the invitation', 'Invite the e-mail address from People › Invite people.'),
      t('Skicka inbjudan', 'Bjud in e-postadressen under Personer › Bjud in personer.'),
      t('Envoyer l’invitation', 'Invitez l’adresse depuis Personnes › Inviter des personnes.'),
    ),
    step(
      'confirm-delivery',
      'listed-pending',
      t('Confirm delivery', 'The address is listed as pending; resend if the person did not get it.'),
      t('Bekräfta leveransen', 'Adressen visas som väntande; skicka igen om personen inte fått den.'),
      t('Confirmer la remise', 'L’adresse apparaît en attente ; renvoyez si la personne ne l’a pas reçue.'),
    ),
    step(
      'confirm-acceptance',
      'listed-accepted',
      t('Confirm acceptance', 'The person is listed without “pending”.'),
      t('Bekräfta att inbjudan accepterats', 'Personen visas utan ”väntande”.'),
      t('Confirmer l’acceptation', 'La personne apparaît sans « en attente ».'),
    ),
    verifyAccess,
    documentDecision,
    scheduleReview,
  ],
};

const onboardPartner: Template = {
  id: 'onboard-partner',
  purpose: 'onboard',
  subjectKind: 'partner',
  title: { en: 'Onboard a partner', sv: 'Ge en partner åtkomst', fr: 'Intégrer un partenaire' },
  steps: [
    defineCase,
    step(
      'get-business-id',
      'business-id-known',
      t('Get the partner’s Business ID', 'Ask the agency for its Business ID; never share by name.'),
      t('Hämta partnerns företags-ID', 'Be byrån om dess företags-ID; dela aldrig utifrån namn.'),
      t(
        'Obtenir l’ID d’entreprise du partenaire',
        'Demandez son ID d’entreprise à l’agence ; jamais par nom.',
      ),
    ),
    step(
      'least-role',
      'least-role',
      t('Grant the least role per asset', 'Only the tasks each asset needs: no full control.'),
      t('Ge minsta roll per tillgång', 'Bara de uppgifter varje tillgång kräver: ingen full kontroll.'),
      t(
        'Accorder le rôle minimal par ressource',
        'Seulement les tâches nécessaires : pas de contrôle total.',
      ),
    ),
    step(
      'one-invite-per-asset-group',
      undefined,
      t('One share per asset group', 'Share each group of assets for one case, not everything at once.'),
      t(
        'En delning per tillgångsgrupp',
        'Dela varje grupp av tillgångar för ett ärende, inte allt på en gång.',
      ),
      t('Un partage par groupe de ressources', 'Partagez chaque groupe pour un besoin, pas tout d’un coup.'),
    ),
    setEndDate,
    step(
      'share-assets',
      'holds-assets',
      t('Share the assets', 'The partner is listed with the assets of the case.'),
      t('Dela tillgångarna', 'Partnern visas med ärendets tillgångar.'),
      t('Partager les ressources', 'Le partenaire apparaît avec les ressources du besoin.'),
    ),
    verifyAccess,
    documentDecision,
    scheduleReview,
  ],
};

const offboardPartner: Template = {
  id: 'offboard-partner',
  purpose: 'offboard',
  subjectKind: 'partner',
  suggestsRelated: true,
  onFinish: 'revoke-subject-and-related',
  followUps: [{ step: 'recheck-in-a-week', after: 'verify-removal', days: 7 }],
  title: { en: 'Offboard a partner', sv: 'Avsluta en partners åtkomst', fr: 'Retirer un partenaire' },
  steps: [
    step(
      'remove-partner-link',
      'partner-absent',
      t('Remove the partner', 'Partners › the partner › Remove: it is no longer listed.'),
      t('Ta bort partnern', 'Partner › partnern › Ta bort: den visas inte längre.'),
      t('Retirer le partenaire', 'Partenaires › le partenaire › Retirer : il n’apparaît plus.'),
    ),
    step(
      'remove-people',
      'people-absent',
      t('Remove the partner’s people', 'Everyone who worked for the partner is gone from People.'),
      t('Ta bort partnerns personer', 'Alla som arbetade för partnern är borta från Personer.'),
      t('Retirer les personnes du partenaire', 'Toutes les personnes du partenaire ont quitté Personnes.'),
    ),
    step(
      'remove-system-users',
      'system-users-absent',
      t('Remove its system users', 'System users made for the partner are deleted.'),
      t('Ta bort dess systemanvändare', 'Systemanvändare som skapats för partnern är borttagna.'),
      t(
        'Retirer ses utilisateurs système',
        'Les utilisateurs système créés pour le partenaire sont supprimés.',
      ),
    ),
    step(
      'remove-asset-roles',
      'asset-roles-absent',
      t('Remove per-asset roles', 'No asset lists the partner or its people any more.'),
      t('Ta bort roller per tillgång', 'Ingen tillgång visar partnern eller dess personer längre.'),
      t('Retirer les rôles par ressource', 'Aucune ressource ne liste plus le partenaire ni ses personnes.'),
    ),
    step(
      'verify-removal',
      'removal-verified',
      t('Verify the removal', 'The lists, read in full, show none of them.'),
      t('Kontrollera borttagningen', 'Listorna, lästa i sin helhet, visar ingen av dem.'),
      t('Vérifier le retrait', 'Les listes, lues en entier, n’en montrent aucun.'),
    ),
    step(
      'document-decision',
      undefined,
      t('Document the decision', 'Record why the access ended; finishing records the revocation.'),
      t(
        'Dokumentera beslutet',
        'Skriv varför åtkomsten upphörde; när du avslutar registreras återkallelsen.',
      ),
      t('Documenter la décision', 'Notez pourquoi l’accès a pris fin ; terminer enregistre la révocation.'),
    ),
    step(
      'recheck-in-a-week',
      'removal-verified-again',
      t('Check again a week later', 'Scopekeeper reminds you; the lists must still show none of them.'),
      t(
        'Kontrollera igen efter en vecka',
        'Scopekeeper påminner dig; listorna ska fortfarande inte visa någon.',
      ),
      t(
        'Revérifier une semaine plus tard',
        'Scopekeeper vous le rappelle ; les listes ne doivent toujours rien montrer.',
      ),
    ),
  ],
};

const periodicReview: Template = {
  id: 'periodic-review',
  purpose: 'review',
  subjectKind: 'business',
  onFinish: 'restart-review-cadence',
  title: {
    en: 'Periodic access review',
    sv: 'Periodisk åtkomstgranskning',
    fr: 'Revue périodique des accès',
  },
  steps: [
    step(
      'export-report',
      'export-since-start',
      t('Export the report', 'Settings › Ledger › Export: keep the copy with the review.'),
      t('Exportera rapporten', 'Inställningar › Liggare › Exportera: spara kopian med granskningen.'),
      t('Exporter le rapport', 'Paramètres › Registre › Exporter : gardez la copie avec la revue.'),
    ),
    step(
      'review-each-grant',
      undefined,
      t('Review each grant', 'For each person, partner and system user: is the access still needed?'),
      t(
        'Granska varje åtkomst',
        'För varje person, partner och systemanvändare: behövs åtkomsten fortfarande?',
      ),
      t(
        'Revoir chaque accès',
        'Pour chaque personne, partenaire et utilisateur système : l’accès est-il utile ?',
      ),
    ),
    step(
      'revoke-unneeded',
      undefined,
      t('Revoke what is not needed', 'Remove it in Business Settings and record the revocation.'),
      t(
        'Återkalla det som inte behövs',
        'Ta bort det i företagsinställningarna och registrera återkallelsen.',
      ),
      t('Révoquer ce qui n’est plus utile', 'Retirez-le dans les paramètres et enregistrez la révocation.'),
    ),
    step(
      'confirm-end-dates',
      'end-dates-set',
      t('Confirm the end dates', 'Every recorded grant of this business has an end date.'),
      t('Bekräfta slutdatumen', 'Varje dokumenterad åtkomst i företaget har ett slutdatum.'),
      t('Confirmer les dates de fin', 'Chaque accès enregistré de l’entreprise a une date de fin.'),
    ),
    step(
      'document-decisions',
      'decision-since-start',
      t('Document the decisions', 'Record what you kept, extended or revoked, and why.'),
      t('Dokumentera besluten', 'Registrera vad du behöll, förlängde eller återkallade, och varför.'),
      t('Documenter les décisions', 'Enregistrez ce que vous avez gardé, prolongé ou révoqué, et pourquoi.'),
    ),
    step(
      'schedule-next-review',
      undefined,
      t('Schedule the next review', 'Finishing this review starts the count to the next one.'),
      t('Planera nästa granskning', 'När granskningen avslutas börjar nedräkningen till nästa.'),
      t('Planifier la prochaine revue', 'Terminer cette revue lance le décompte jusqu’à la suivante.'),
    ),
  ],
};

/**
 * Incident response (issue 13, item 4): about the whole business. The unknown principals are the run's
 * related subjects, frozen at the start from the open changes, so the run still knows them once removed.
 */
const incidentResponse: Template = {
  id: 'incident-response',
  purpose: 'incident',
  subjectKind: 'business',
  relatesOpenChanges: true,
  title: { en: 'Incident response', sv: 'Incidenthantering', fr: 'Réponse à un incident' },
  steps: [
    step(
      'identify-unknown-access',
      'unknown-listed',
      t(
        'Identify the unknown access',
        'Scopekeeper lists who gained access that no record approves: compare it with what you know.',
      ),
      t(
        'Identifiera okänd åtkomst',
        'Scopekeeper listar vem som fått åtkomst som ingen post godkänner: jämför med det du vet.',
      ),
      t(
        'Identifier les accès inconnus',
        'Scopekeeper liste qui a obtenu un accès qu’aucun enregistrement n’approuve : comparez avec ce que vous savez.',
      ),
    ),
    step(
      'remove-unknown-people',
      'people-absent',
      t('Remove the unknown people', 'People › the person › Remove: none of them is listed any more.'),
      t('Ta bort de okända personerna', 'Personer › personen › Ta bort: ingen av dem visas längre.'),
      t('Retirer les personnes inconnues', 'Personnes › la personne › Retirer : aucune n’apparaît plus.'),
    ),
    step(
      'remove-unknown-partners',
      'partners-absent',
      t('Remove the unknown partners', 'Partners › the partner › Remove: none of them is listed any more.'),
      t('Ta bort de okända partnerna', 'Partner › partnern › Ta bort: ingen av dem visas längre.'),
      t('Retirer les partenaires inconnus', 'Partenaires › le partenaire › Retirer : aucun n’apparaît plus.'),
    ),
    step(
      'review-system-users',
      'system-users-absent',
      t(
        'Review the system users',
        'Delete every system user you do not know, with its tokens: the unknown ones are gone from the list.',
      ),
      t(
        'Granska systemanvändarna',
        'Ta bort varje systemanvändare du inte känner till, med dess token: de okända är borta från listan.',
      ),
      t(
        'Revoir les utilisateurs système',
        'Supprimez tout utilisateur système inconnu, avec ses jetons : les inconnus ont quitté la liste.',
      ),
    ),
    step(
      'secure-admin-accounts',
      undefined,
      t(
        'Secure every full-control account',
        'Each person with full control changes their Facebook password and turns on two-factor authentication.',
      ),
      t(
        'Säkra varje konto med full kontroll',
        'Varje person med full kontroll byter sitt Facebook-lösenord och slår på tvåfaktorsautentisering.',
      ),
      t(
        'Sécuriser chaque compte avec contrôle total',
        'Chaque personne avec contrôle total change son mot de passe Facebook et active l’authentification à deux facteurs.',
      ),
    ),
    step(
      'check-payment-and-ads',
      undefined,
      t(
        'Check payment methods and ads',
        'Billing › Payment methods: remove any card you do not know. On every ad account, pause the ads you did not create.',
      ),
      t(
        'Kontrollera betalningsmetoder och annonser',
        'Fakturering › Betalningsmetoder: ta bort kort du inte känner igen. Pausa annonser ni inte skapat, på varje annonskonto.',
      ),
      t(
        'Vérifier les moyens de paiement et les publicités',
        'Facturation › Moyens de paiement : retirez toute carte inconnue. Sur chaque compte publicitaire, suspendez les publicités que vous n’avez pas créées.',
      ),
    ),
    step(
      'verify-clean',
      'unknown-absent',
      t(
        'Verify that it is clean',
        'Read People, Partners and System users again in full: none of the unknown ones may be listed.',
      ),
      t(
        'Kontrollera att allt är rent',
        'Läs Personer, Partner och Systemanvändare igen i sin helhet: ingen av de okända får visas.',
      ),
      t(
        'Vérifier que tout est propre',
        'Relisez Personnes, Partenaires et Utilisateurs système en entier : aucun inconnu ne doit apparaître.',
      ),
    ),
    step(
      'document-incident',
      'incident-documented',
      t(
        'Document the incident',
        'Record what happened, when it was found and what was done: it is kept in the ledger.',
      ),
      t(
        'Dokumentera incidenten',
        'Skriv vad som hände, när det upptäcktes och vad som gjordes: det sparas i liggaren.',
      ),
      t(
        'Documenter l’incident',
        'Notez ce qui s’est passé, quand cela a été découvert et ce qui a été fait : c’est conservé dans le registre.',
      ),
    ),
  ],
};

export const templates: Record<TemplateId, Template> = {
  'onboard-person': onboardPerson,
  'onboard-partner': onboardPartner,
  'offboard-partner': offboardPartner,
  'periodic-review': periodicReview,
  'incident-response': incidentResponse,
};

/** The templates of a purpose for a subject kind (what the panel and the popup offer). */
export function templatesFor(purpose: Template['purpose'], subjectKind: Template['subjectKind']): Template[] {
  return templateIds
    .map((id) => templates[id])
    .filter((t) => t.purpose === purpose && t.subjectKind === subjectKind);
}

/** The kind of subject a subject key names (`person:…`, `partner:…`, `business:…`), if a template has one. */
export function subjectKindOf(subject: string): Template['subjectKind'] | undefined {
  if (subject.startsWith('person:')) return 'person';
  if (subject.startsWith('partner:')) return 'partner';
  if (subject.startsWith('business:')) return 'business';
  return undefined;
}
