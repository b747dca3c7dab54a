import { assetKey } from '../../domain/principals';
import { readProblem, type ReadProblem } from '../../domain/read-problems';
import {
  DRAFT_INVITEE_NAME,
  getSubjectKey,
  type Locale,
  type Partner,
  type Person,
  type Principal,
} from '../../domain/snapshot';
import type { Anchor } from '../anchors';
import { parseDisplayedDate } from '../dates';
import {
  accessibleName,
  elementText,
  inputValue,
  isChecked,
  labelledByText,
  rawInputValue,
  textPieces,
} from '../dom';
import {
  isEmailLabel,
  matchPortfolioAccess,
  matchesAddPartner,
  readIdText,
  stripTemporaryAccess,
} from '../match';
import { findEmail, hasHiddenCharacters, isEmail } from '../text';
import type { DialogSeen, ReadOutcome } from '../read-outcome';
import { readAssetSwitches } from './assets';
import { actions, allVariants, type Variants } from '../lexicon';
import { normalizeText } from '../text';
import * as selector from '../selectors';

function hasButton(dialog: Element, words: Variants): boolean {
  const wanted = new Set(allVariants(words));
  return [...dialog.querySelectorAll('button, [role="button"]')].some((b) =>
    wanted.has(normalizeText(elementText(b))),
  );
}

export function findOpenDialog(root: ParentNode): Element | undefined {
  const dialogs = [...root.querySelectorAll(selector.openDialogs)].filter(
    (d) => !d.hasAttribute('hidden') && d.getAttribute('aria-hidden') !== 'true',
  );
  return dialogs.at(-1);
}

export function dialogTitle(dialog: Element): string {
  const labelledBy = labelledByText(dialog);
  if (labelledBy) return labelledBy;
  const label = dialog.getAttribute('aria-label');
  if (label) return label;
  const heading = dialog.querySelector(selector.headings);
  return heading ? elementText(heading) : '';
}

/**
 * Reads the invite-people or add-partner dialog as it stands: what is entered and chosen on the step that
 * is showing (e-mail, portfolio access, temporary access end date, assets and tasks, partner Business ID),
 * or the review summary. Draft principals are not pending: nothing has been sent yet.
 */
export function readDialog(
  kind: 'invite-dialog' | 'add-partner-dialog',
  root: ParentNode,
  locale: Locale,
): ReadOutcome {
  const dialog = findOpenDialog(root);
  if (!dialog) return { principals: [], problems: [readProblem('dialog-not-open')] };
  const problems: ReadProblem[] = [];
  const { assets, headings } = readAssetSwitches(dialog);
  // Where the dialog shows each choice: live warnings are drawn next to these.
  let accessElement: Element | undefined;
  let expiryElement: Element | undefined;
  const anchorsFor = (principal: Principal): Anchor[] => {
    const subject = getSubjectKey(principal);
    const anchors: Anchor[] = assets.flatMap((asset, i) =>
      headings[i]
        ? [{ subject, role: 'asset' as const, assetKey: assetKey(asset), element: headings[i]! }]
        : [],
    );
    if (accessElement) anchors.push({ subject, role: 'portfolio-access', element: accessElement });
    if (expiryElement) anchors.push({ subject, role: 'expiry', element: expiryElement });
    return anchors;
  };
  const pieces = textPieces(dialog);
  const segments = pieces.map((p) => p.text);

  if (kind === 'invite-dialog') {
    const emails = new Set<string>();
    // Addresses typed, pasted or shown with hidden characters: the invitee is flagged.
    const hiddenIn = new Set<string>();
    let emailFieldShown = false;
    for (const input of dialog.querySelectorAll('input')) {
      const type = input.getAttribute('type');
      if (type === 'email' || isEmailLabel(accessibleName(input))) {
        emailFieldShown = true;
        const hidden = hasHiddenCharacters(rawInputValue(input));
        for (const part of inputValue(input).split(/[,;\s]+/))
          if (isEmail(part)) {
            emails.add(part);
            if (hidden) hiddenIn.add(part);
          }
      }
    }
    for (const piece of pieces) {
      const found = findEmail(piece.text);
      if (found) emails.add(found);
      if (found && piece.hidden) hiddenIn.add(found);
    }
    let access: Person['portfolioAccess'];
    for (const radio of dialog.querySelectorAll(selector.radios)) {
      if (!isChecked(radio)) continue;
      access = matchPortfolioAccess(accessibleName(radio) || elementText(radio)) ?? access;
      accessElement = radio;
    }
    if (!access) {
      // The review step writes the choice out ("Access: Full control").
      access = segments.map(matchPortfolioAccess).find((a) => a !== undefined);
    }
    let temporaryUntil: string | undefined;
    let temporaryOn = false;
    for (const toggle of dialog.querySelectorAll(selector.switches)) {
      if (stripTemporaryAccess(accessibleName(toggle)) === undefined) continue;
      expiryElement = toggle.closest('label') ?? toggle;
      if (isChecked(toggle)) temporaryOn = true;
    }
    for (const input of dialog.querySelectorAll('input[type="date"], input')) {
      const name = accessibleName(input);
      if (input.getAttribute('type') === 'date' || stripTemporaryAccess(name) !== undefined) {
        const value = inputValue(input);
        if (value && (input.getAttribute('type') === 'date' || temporaryOn))
          temporaryUntil = parseDisplayedDate(value, locale) ?? temporaryUntil;
      }
    }
    if (!temporaryUntil) {
      const time = dialog.querySelector('time[datetime]');
      const idx = segments.findIndex((s) => stripTemporaryAccess(s) !== undefined);
      if (idx >= 0) {
        const rest = stripTemporaryAccess(segments[idx]!) || segments[idx + 1] || '';
        temporaryUntil = parseDisplayedDate(time?.getAttribute('datetime') ?? rest, locale);
      }
    }
    const invitees = emails.size > 0 ? [...emails] : [undefined];
    const principals: Principal[] = invitees.map((email) => {
      const person: Person = {
        kind: 'person',
        name: email ?? DRAFT_INVITEE_NAME,
        pending: false,
        isCurrentUser: false,
        assets,
      };
      if (email) person.email = email;
      if (email && hiddenIn.has(email)) person.hiddenCharacters = true;
      if (access) person.portfolioAccess = access;
      if (temporaryUntil) person.temporaryUntil = temporaryUntil;
      return person;
    });
    // An empty e-mail field is a form not filled in yet; a step that shows no address at all is a gap.
    if (emails.size === 0 && !emailFieldShown) problems.push(readProblem('dialog-missing-invitee'));
    const final = hasButton(dialog, actions['send-request']);
    const accessShown =
      [...dialog.querySelectorAll(selector.radios)].some(
        (r) => matchPortfolioAccess(accessibleName(r) || elementText(r)) !== undefined,
      ) || access !== undefined;
    const seen: DialogSeen = {
      who: emailFieldShown || emails.size > 0,
      access: accessShown || final,
      expiry: expiryElement !== undefined || temporaryUntil !== undefined || final,
      assets: headings.length > 0 || final,
    };
    return { principals, problems, anchors: principals.flatMap(anchorsFor), dialogSeen: seen };
  }

  let businessId: string | undefined;
  let idHidden = false;
  let idFieldShown = false;
  for (const input of dialog.querySelectorAll('input')) {
    if (input.getAttribute('type') === 'text' || input.getAttribute('inputmode') === 'numeric')
      idFieldShown = true;
    const id = readIdText(inputValue(input).replace(/\s/g, ''));
    if (id) {
      businessId = id;
      idHidden = hasHiddenCharacters(rawInputValue(input));
    }
  }
  if (!businessId) {
    const shown = pieces.find((p) => readIdText(p.text) !== undefined);
    businessId = shown && readIdText(shown.text);
    idHidden = shown?.hidden ?? false;
  }
  const giving = [...dialog.querySelectorAll(selector.radios)].find((r) => isChecked(r));
  if (giving && !matchesAddPartner(accessibleName(giving) || elementText(giving))) {
    problems.push(readProblem('dialog-partner-shares-to-you'));
  }
  const partner: Partner = {
    kind: 'partner',
    name: businessId ?? 'New partner',
    pending: false,
    isCurrentUser: false,
    assets,
  };
  if (businessId) partner.businessId = businessId;
  if (idHidden) partner.hiddenCharacters = true;
  const choosing = dialog.querySelector(selector.radios) !== null;
  if (!businessId && !idFieldShown && !choosing) {
    problems.push(readProblem('dialog-missing-business-id'));
  }
  const seen: DialogSeen = {
    who: idFieldShown || businessId !== undefined,
    access: false,
    expiry: false,
    assets:
      headings.length > 0 || hasButton(dialog, actions['assign-assets']) || hasButton(dialog, actions.assign),
  };
  return { principals: [partner], problems, anchors: anchorsFor(partner), dialogSeen: seen };
}
