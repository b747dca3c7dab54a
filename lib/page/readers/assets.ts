import type { AssetGrant, AssetType, TaskKey } from '../../domain/snapshot';
import { elementText, headingLevel, HEADING_SELECTOR, accessibleName, isChecked } from '../dom';
import {
  matchAssetType,
  matchLegacyRole,
  matchPortfolioAccess,
  matchSection,
  matchTask,
  stripTemporaryAccess,
} from '../match';
import { normalizeText } from '../text';

export interface AssetRead {
  assets: AssetGrant[];
  /** The name heading of each asset, in the same order (where badges and warnings are drawn). */
  headings: Element[];
  /** Switch labels that matched no task of the lexicon. */
  unknownLabels: string[];
}

/**
 * Reads assets and their task switches from a detail pane or a dialog: asset type group headings, asset
 * names as role=heading, and input[role=switch][aria-label=<task>] toggles (research §5).
 * `full` wins over tasks; "Everything except sensitive actions" is its own access level.
 */
export function readAssetSwitches(scope: Element, fallbackType?: AssetType): AssetRead {
  const unknownLabels: string[] = [];
  const assets: AssetGrant[] = [];
  const headings: Element[] = [];
  let type: AssetType | undefined = fallbackType;
  let current:
    | {
        type: AssetType | undefined;
        name: string;
        full: boolean;
        except: boolean;
        tasks: Set<TaskKey>;
        any: boolean;
        heading: Element;
      }
    | undefined;
  const flush = () => {
    if (current && current.any && current.type) {
      const access = current.full ? 'full' : current.except ? 'full-except-sensitive' : 'partial';
      assets.push({
        type: current.type,
        name: current.name,
        access,
        tasks: access === 'full' ? [] : [...current.tasks].sort(),
      });
      headings.push(current.heading);
    }
    current = undefined;
  };
  const nodes = scope.querySelectorAll(
    `${HEADING_SELECTOR}, input[role="switch"], [role="switch"], input[type="checkbox"]`,
  );
  for (const node of nodes) {
    const level = headingLevel(node);
    if (level !== undefined) {
      const text = elementText(node);
      const groupType = matchAssetType(text);
      if (groupType) {
        flush();
        type = groupType;
        continue;
      }
      if (level >= 3 && !matchSection(text) && text) {
        // An asset name heading (aria-level 4 in Meta's markup); other headings are section titles.
        if (level >= 4 || type) {
          flush();
          current = {
            type,
            name: text,
            full: false,
            except: false,
            tasks: new Set(),
            any: false,
            heading: node,
          };
        }
      }
      continue;
    }
    const label = accessibleName(node);
    if (!current || !label || stripTemporaryAccess(label) !== undefined) continue;
    const task = matchTask(label, current.type);
    if (task === undefined) {
      if (matchPortfolioAccess(label) === undefined) unknownLabels.push(label);
      continue;
    }
    if (!isChecked(node)) continue;
    current.any = true;
    if (task === 'full') current.full = true;
    else if (task === 'full-except-sensitive') current.except = true;
    else current.tasks.add(task);
  }
  flush();
  return { assets, headings, unknownLabels };
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
