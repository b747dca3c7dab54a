import type { AssetGrant, AssetType, TaskKey } from '../../domain/snapshot';
import { accessibleName, isChecked } from '../dom';
import {
  isColumnHeader,
  isIdLabel,
  isPendingLabel,
  isUiWord,
  matchAssetType,
  matchLegacyRole,
  matchPortfolioAccess,
  matchTask,
  readIdText,
  stripTemporaryAccess,
} from '../match';
import { normalizeText } from '../text';
import { endsAssets, paneTokens, type PaneToken } from './pane';

export interface AssetRead {
  assets: AssetGrant[];
  /** The name heading of each asset, in the same order (where badges and warnings are drawn). */
  headings: Element[];
  /** Switch labels that matched no task of the lexicon. */
  unknownLabels: string[];
}

interface OpenAsset {
  type: AssetType;
  name: string;
  heading: Element;
  /** Access read from controls: when the block has any, they decide (a label beside an off switch is not access). */
  controls: number;
  full: boolean;
  except: boolean;
  tasks: Set<TaskKey>;
  /** Access read from text labels ("Full control", "Partial access · Content, Ads"). */
  text: Pick<AssetGrant, 'access' | 'tasks'>[];
}

/**
 * Reads assets and their access from a detail pane or a dialog, by meaning rather than by one layout
 * (issue 10, item 1; LEXICON.md "Detail panes"):
 * - an asset-type label is any text whose whole wording is an asset-type word, at any heading level or none;
 * - an asset name is the first text after it (a heading, bold text or a text block); the next asset's name
 *   is the next text that looks like the first one (same element, role, level and class: see
 *   `paneTokens`), so a description or a switch's note in between is not taken for a name;
 * - access comes from the task switches or checkboxes in the asset's block (`full` wins over tasks;
 *   "Everything except sensitive actions" is its own level), or, when there are none, from text labels.
 * `fallbackType` is the type when the scope shows no type label (a dialog opened on one asset type).
 */
export function readAssetSwitches(scope: Element, fallbackType?: AssetType, given?: PaneToken[]): AssetRead {
  const tokens = given ?? paneTokens(scope);
  const unknownLabels: string[] = [];
  const assets: AssetGrant[] = [];
  const headings: Element[] = [];
  let type: AssetType | undefined = fallbackType;
  let typeSignature: string | undefined;
  let nameSignature: string | undefined;
  let current: OpenAsset | undefined;
  const flush = () => {
    const grant = current && assetGrant(current);
    if (grant) {
      assets.push(grant);
      headings.push(current!.heading);
    }
    current = undefined;
  };
  const open = (token: Extract<PaneToken, { kind: 'text' }>) => {
    flush();
    nameSignature ??= token.signature;
    current = {
      type: type!,
      name: token.text,
      heading: token.carrier,
      controls: 0,
      full: false,
      except: false,
      tasks: new Set(),
      text: [],
    };
  };
  for (const token of tokens) {
    if (token.kind === 'control') {
      if (!current) continue;
      const label = accessibleName(token.el);
      if (!label || stripTemporaryAccess(label) !== undefined) continue;
      const task = matchTask(label, current.type);
      if (task === undefined) {
        if (matchPortfolioAccess(label) === undefined) unknownLabels.push(label);
        continue;
      }
      current.controls++;
      if (!isChecked(token.el)) continue;
      if (task === 'full') current.full = true;
      else if (task === 'full-except-sensitive') current.except = true;
      else current.tasks.add(task);
      continue;
    }
    if (token.ofControl) continue;
    const text = token.text;
    // Asset names are written by other people too: a text that looks like the names (same element,
    // role, level and class) is a name, whatever it says ("Pages", "People", "Full control", an ID line).
    const looksLikeName = nameSignature !== undefined && token.signature === nameSignature;
    const groupType = matchAssetType(text);
    if (groupType && !(looksLikeName && token.signature !== typeSignature)) {
      flush();
      type = groupType;
      typeSignature ??= token.signature;
      nameSignature = undefined;
      continue;
    }
    if (!looksLikeName && endsAssets(text)) {
      flush();
      type = fallbackType;
      nameSignature = undefined;
      continue;
    }
    if (!type) continue;
    if (current && !looksLikeName) {
      const access = readAccessText(text, current.type);
      if (access) {
        current.text.push(access);
        continue;
      }
    }
    if (!current) {
      // The first text after a type label is a name. Without a label (a dialog), only a heading or bold text.
      if (
        (looksLikeName || isNameText(text)) &&
        (nameSignature !== undefined ? looksLikeName : token.strong || typeSignature)
      )
        open(token);
      continue;
    }
    if (!looksLikeName) continue; // a description or note inside the asset's block
    if (current.controls > 0 || current.text.length > 0 || token.strong) open(token);
  }
  flush();
  return { assets, headings, unknownLabels };
}

/** The asset as read, or nothing when no access of it was seen. */
function assetGrant(asset: OpenAsset): AssetGrant | undefined {
  const base = { type: asset.type, name: asset.name };
  if (asset.controls > 0) {
    if (asset.full) return { ...base, access: 'full', tasks: [] };
    if (asset.except) return { ...base, access: 'full-except-sensitive', tasks: [] };
    if (asset.tasks.size === 0) return undefined;
    return { ...base, access: 'partial', tasks: [...asset.tasks].sort() };
  }
  if (asset.text.length === 0) return undefined;
  if (asset.text.some((a) => a.access === 'full')) return { ...base, access: 'full', tasks: [] };
  if (asset.text.some((a) => a.access === 'full-except-sensitive'))
    return { ...base, access: 'full-except-sensitive', tasks: [] };
  const tasks = new Set(asset.text.flatMap((a) => a.tasks));
  return { ...base, access: 'partial', tasks: [...tasks].sort() };
}

/** Text that can be an asset's name: not a label, an ID line, a date line, a status or a number. */
function isNameText(text: string): boolean {
  return (
    !isUiWord(text) &&
    !isIdLabel(text) &&
    readIdText(text) === undefined &&
    stripTemporaryAccess(text) === undefined &&
    !isPendingLabel(text) &&
    !isColumnHeader(text) &&
    !/^[\d\s.,()+-]*$/.test(text) &&
    !text.endsWith(':')
  );
}

/**
 * Reads an access description written out as text on an asset page ("Full control", "Partial access ·
 * Content, Ads", "Editor"). Returns undefined when no word of it is understood.
 */
export function readAccessText(
  text: string,
  type: AssetType,
): Pick<AssetGrant, 'access' | 'tasks'> | undefined {
  const whole = normalizeText(text);
  const direct = matchTask(whole, type);
  if (direct === 'full' || matchPortfolioAccess(whole) === 'full-control')
    return { access: 'full', tasks: [] };
  if (direct === 'full-except-sensitive') return { access: 'full-except-sensitive', tasks: [] };
  const legacy = matchLegacyRole(whole);
  if (legacy === 'full') return { access: 'full', tasks: [] };
  if (legacy) return { access: 'partial', tasks: [...legacy].sort() };
  const tasks = new Set<TaskKey>();
  let understood = false;
  for (const piece of whole.split(/\s*[·•,;|/]\s*|\s+-\s+|:\s*/)) {
    if (!piece) continue;
    if (matchPortfolioAccess(piece) === 'partial') {
      understood = true;
      continue;
    }
    const task = matchTask(piece, type);
    if (task === 'full') return { access: 'full', tasks: [] };
    if (task === 'full-except-sensitive') return { access: 'full-except-sensitive', tasks: [] };
    if (task) {
      tasks.add(task);
      understood = true;
    }
  }
  return understood ? { access: 'partial', tasks: [...tasks].sort() } : undefined;
}
