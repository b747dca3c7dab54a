import type { teamLedger as en } from '../en/team-ledger';

/** Les réglages du registre d’équipe sur la page d’options (ticket 16). */
export const teamLedger: typeof en = {
  title: 'Registre d’équipe (facultatif)',
  intro:
    'Répliquer le registre vers un serveur CouchDB géré par votre équipe. Il reste désactivé tant que vous n’enregistrez pas de serveur ici : sans lui, rien ne quitte ce navigateur, et avec lui, Scopekeeper ne contacte que ce serveur.',
  notYet:
    'Avec un serveur enregistré, les attributions et décisions du registre y sont envoyées, signées par ce navigateur, après chaque modification et toutes les cinq minutes ; les enregistrements des collègues sont vérifiés comme un fichier importé avant de compter. Les captures de page ne sont jamais envoyées.',
  serverUrl: 'Adresse du serveur CouchDB',
  serverUrlHint:
    'Par exemple https://couch.example.org/ (HTTPS ; HTTP simple seulement vers cet ordinateur).',
  database: 'Base de données',
  databaseHint: 'Lettres minuscules, chiffres et _ $ ( ) + - /, en commençant par une lettre.',
  user: 'Nom d’utilisateur',
  password: 'Mot de passe',
  passwordHint:
    'Conservé dans le stockage de l’extension de ce navigateur, envoyé uniquement à ce serveur, jamais exporté. Laissez vide pour garder celui enregistré.',
  save: 'Autoriser et se connecter à ce serveur',
  saved: (origin: string) => `Enregistré. Scopekeeper peut maintenant contacter ${origin}, et lui seul.`,
  notSaved: (fields: string) => `Non enregistré : vérifiez ${fields}.`,
  urlIssue: {
    'not-a-url': 'l’adresse n’est pas une adresse web (https://…)',
    'not-https':
      'en HTTP simple, le mot de passe circulerait en clair : utilisez HTTPS (HTTP simple seulement vers cet ordinateur)',
    'has-credentials':
      'saisissez le nom d’utilisateur et le mot de passe dans leurs propres champs, pas dans l’adresse',
    'has-query': 'l’adresse ne prend pas de partie ? ou #',
    'business-settings': 'le serveur d’équipe ne peut pas être les Paramètres de l’entreprise',
  },
  permissionRefused: (origin: string) =>
    `Non enregistré : le navigateur n’a pas autorisé Scopekeeper à contacter ${origin}.`,
  storedInvalid:
    'Les réglages d’équipe enregistrés sont illisibles : le registre d’équipe reste désactivé jusqu’au prochain enregistrement.',
  test: 'Tester la connexion',
  testing: 'Test de la connexion…',
  off: 'Aucun serveur d’équipe n’est enregistré.',
  noPermission: (origin: string) =>
    `Scopekeeper n’a pas le droit de contacter ${origin} : enregistrez à nouveau les réglages et autorisez-le.`,
  unreachable: 'Le serveur est injoignable : vérifiez l’adresse et que le serveur fonctionne.',
  timeout: 'Le serveur n’a pas répondu en 10 secondes.',
  notCouchDb: (status?: number) =>
    `Quelque chose a répondu à cette adresse, mais pas CouchDB${status ? ` (HTTP ${status})` : ''} : vérifiez l’adresse.`,
  wrongCredentials: 'Le serveur a refusé ce nom d’utilisateur et ce mot de passe.',
  noAccess:
    'Le nom d’utilisateur et le mot de passe sont corrects, mais cet utilisateur ne peut pas ouvrir la base : demandez à qui gère le serveur d’en faire un membre.',
  missingDatabase:
    'La base de données n’existe pas. Seul un administrateur du serveur peut la créer : demandez à qui gère le serveur.',
  missingCanCreate:
    'La base de données n’existe pas encore. Vous êtes administrateur du serveur : vous pouvez la créer maintenant.',
  create: 'Créer la base de données',
  ready: 'Prêt : le serveur répond et la base est ouverte à cet utilisateur.',
  readyCreated: 'La base a été créée. Prêt : le serveur répond et la base est ouverte à cet utilisateur.',
  turnOff: 'Désactiver et oublier les identifiants',
  turnedOff:
    'Désactivé : l’adresse du serveur et les identifiants sont oubliés, son autorisation rendue, et la copie de la base de l’équipe dans ce navigateur supprimée (le serveur de l’équipe garde ce qu’il détient). Votre registre local est inchangé.',
  // État de la réplication (ticket 16, points 3–4) : la fenêtre contextuelle et la page d’options.
  sync: {
    title: 'Registre d’équipe',
    never: 'Pas encore synchronisé.',
    last: (when: string) => `Dernière synchronisation ${when}.`,
    pending: (n: number) =>
      n === 0
        ? 'Tout est sur le serveur.'
        : `${n} ${n <= 1 ? 'enregistrement n’est' : 'enregistrements ne sont'} pas encore sur le serveur.`,
    failed: (what: string) => `La dernière tentative a échoué : ${what} Elle sera refaite automatiquement.`,
    otherError: 'une erreur inattendue.',
    quarantined: (n: number) =>
      `${n} ${n <= 1 ? 'document refusé' : 'documents refusés'} venant du serveur (non signés, modifiés ou mal formés) : jamais appliqués.`,
    conflicts: (n: number) =>
      `${n} ${n <= 1 ? 'attribution modifiée' : 'attributions modifiées'} à deux endroits : les deux versions sont gardées pour qu’un administrateur tranche.`,
    waiting: (records: number, colleagues: number) =>
      `${records} ${records <= 1 ? 'enregistrement' : 'enregistrements'} (attributions, checklists, revues) ${colleagues <= 1 ? 'd’un collègue auquel' : `de ${colleagues} collègues auxquels`} vous ne faites pas confiance ${records <= 1 ? 'attend' : 'attendent'} : ${records <= 1 ? 'il sera pris' : 'ils seront pris'} dès que vous ${colleagues <= 1 ? 'lui' : 'leur'} ferez confiance sous « Collègues de confiance ».`,
  },
};
