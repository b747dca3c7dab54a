import { createRoot } from 'react-dom/client';
import { ApiProvider } from '@/components/api';
import { Panel } from '@/components/panel';
import { usePanelStore } from '@/components/panel-store';
import { loadCatalogue } from '@/lib/domain/i18n/load';
import { createAsk, trustReply, uiLocale, type Ask } from '@/lib/platform/ask';
import { connectPanel, takePanelToken } from '@/lib/platform/panel-connection';

const locale = uiLocale();
document.documentElement.lang = locale;

// Issue 11, item 2: the panel works only where Scopekeeper's content script put it, with its token.
const token = takePanelToken(location, history);
connectPanel(token, {
  // Only an accepted panel is sent states: one refused while its content script took its token back
  // (the back/forward cache) works again.
  onState: (state) => {
    const store = usePanelStore.getState();
    if (store.refused) store.setRefused(false);
    store.setState(state);
  },
  onConnected: (connected) => usePanelStore.getState().setConnected(connected),
  onRefused: () => usePanelStore.getState().setRefused(true),
});
// The background's answers, as its states, are taken without zod (lib/platform/ask.ts): the panel's code is on
// the admin's page's critical path (issue 12, item 4).
const ask = createAsk(trustReply);
// A request the background refuses because this panel is not ours says so on the panel's screen too.
const askAsPanel: Ask = async (name, data) => {
  const reply = await ask(name, data);
  if (!reply.ok && reply.error.code === 'panel-not-ours') usePanelStore.getState().setRefused(true);
  return reply;
};
// Only the admin's language is in the panel's code; Swedish or French loads here, before anything is drawn
// (no English first), while the connection above is already being made (issue 12, item 4).
// Were it not to load (a file of the extension's own), the panel is drawn in English rather than not at all.
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <ApiProvider api={{ ask: askAsPanel, locale }}>
      <Panel />
    </ApiProvider>,
  );
void loadCatalogue(locale).then(render, render);
