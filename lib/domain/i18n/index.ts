import { fr } from './fr/index';
import { sv } from './sv/index';
import { addCatalogue } from './words';

/**
 * Every language's words, at once: what every screen but the panel, and the background, import. The panel
 * imports ./words.ts and loads only its own language (./load.ts, issue 12, item 4).
 */
addCatalogue('sv', sv);
addCatalogue('fr', fr);

export { catalogue, describeEvidence, describeProblem, displayName, type Catalogue } from './words';
