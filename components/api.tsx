import { createContext, useContext, type ReactNode } from 'react';
import type { UiLocale } from '@/lib/domain/locales';
import type { MessagesFrom, Reply, RequestOf } from '@/lib/domain/protocol';
import type { Settings, SettingsProblem } from '@/lib/domain/settings';
import type { SaveTeamOutcome, TeamSettingsForm, TeamSettingsView } from '@/lib/domain/team-ledger';

/**
 * What the extension's pages may ask the background, typed by the protocol (lib/domain/protocol.ts): a
 * request with a misspelt or missing field does not compile. Given to components through React context by
 * each entrypoint; components own nothing and never reach the ledger or the browser themselves.
 */
export interface Api {
  /** The admin's language (the browser's, when Scopekeeper speaks it). */
  locale: UiLocale;
  ask<N extends MessagesFrom<'page'>>(name: N, data: RequestOf<N>): Promise<Reply<N>>;
  /** The address of the change timeline's page, of one business or of all (lib/platform/changes-page.ts). */
  changesPage?: (businessId?: string) => string;
  /** The address of the overview of every business, or of one business's assets (lib/platform/overview-page.ts). */
  overviewPage?: (businessId?: string, asset?: string) => string;
  /**
   * The options page's way to hand a large file to the background: posted to its worker by reference
   * (lib/platform/handoff.ts) or, where that cannot be, stored where it reads it (lib/ledger/uploads.ts);
   * its id returned for the message that names it (`plan-upload`). `durable`: stored, never held by
   * reference only (a file held by a worker that stopped is lost; the page hands it again so).
   */
  upload?: (file: Blob, how?: { durable?: boolean }) => Promise<string>;
  /** The options page's settings (extension storage). */
  settings?: {
    load(): Promise<{ settings: Settings; problem?: SettingsProblem }>;
    save(input: unknown): Promise<{ ok: true; settings: Settings } | { ok: false; error: SettingsProblem }>;
  };
  /**
   * The options page's team ledger settings (issue 16, lib/platform/team-settings.ts). `save` must be called
   * straight from the click: it asks the browser for the server's host permission first.
   */
  team?: {
    view(): Promise<TeamSettingsView>;
    save(form: TeamSettingsForm): Promise<SaveTeamOutcome>;
    turnOff(): Promise<void>;
  };
}

const ApiContext = createContext<Api | undefined>(undefined);

export function ApiProvider({ api, children }: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() outside <ApiProvider>: the entrypoint gives the API.');
  return api;
}
