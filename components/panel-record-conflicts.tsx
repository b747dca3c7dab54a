import { useCallback, useEffect, useState } from 'react';
import type { TeamRecordConflict } from '@/lib/domain/team-admin';
import { useApi } from './api';
import { usePanelStore } from './panel-store';

/**
 * The business's checklist runs and review campaigns edited in two places (the team ledger, issue 16), for
 * the panel's markers: asked again whenever the ledger was written (`watchMark`: a sync that brought a
 * colleague's records). A list that did not change leaves the sections as they are (no redraw under a
 * click). Without an answer, no marker rather than a refusal over the section.
 */
export function useRecordConflicts(businessId: string | undefined): {
  conflicts: readonly TeamRecordConflict[];
  reload: () => void;
} {
  const { ask } = useApi();
  const watchMark = usePanelStore((s) => s.state.watchMark);
  const [conflicts, setConflicts] = useState<readonly TeamRecordConflict[]>([]);
  const load = useCallback(async () => {
    if (!businessId) return;
    const reply = await ask('teamRecordConflictsOf', { businessId });
    const next = reply.ok ? (reply.value.conflicts ?? []) : [];
    setConflicts((was) => (JSON.stringify(was) === JSON.stringify(next) ? was : next));
  }, [ask, businessId]);
  useEffect(() => {
    void load();
  }, [load, watchMark]);
  return { conflicts, reload: () => void load() };
}
