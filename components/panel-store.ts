import { create } from 'zustand';
import { tabStateSchema, type TabState } from '@/lib/domain/ui-state';

/** Mirrors the background's state for the panel's tab. It owns nothing: the background pushes updates. */
export interface PanelStore {
  state: TabState;
  connected: boolean;
  setState(state: TabState): void;
  setConnected(connected: boolean): void;
}

export const usePanelStore = create<PanelStore>((set) => ({
  state: tabStateSchema.parse({}),
  connected: false,
  setState: (state) => set({ state }),
  setConnected: (connected) => set({ connected }),
}));
