import { create } from 'zustand';
import { emptyTabState } from '@/lib/domain/panel-delta';
import type { TabState } from '@/lib/domain/ui-state';

/** Mirrors the background's state for the panel's tab. It owns nothing: the background pushes updates. */
export interface PanelStore {
  state: TabState;
  connected: boolean;
  /** The background refused this panel: it was not opened by Scopekeeper's content script (issue 11). */
  refused: boolean;
  setState(state: TabState): void;
  setConnected(connected: boolean): void;
  setRefused(refused: boolean): void;
}

export const usePanelStore = create<PanelStore>((set) => ({
  state: emptyTabState,
  connected: false,
  refused: false,
  setState: (state) => set((s) => (s.refused ? {} : { state })),
  setConnected: (connected) => set({ connected }),
  // Refused, the panel forgets whatever it was shown.
  setRefused: (refused) => set(refused ? { refused, state: emptyTabState } : { refused }),
}));
