import type { Hub } from '../hub';
import { updateRunsFromEvidence } from '../checklists';
import { ledgerAdmin, runLedgerCommand, subjectRecord } from '../ledger';
import { ImportProgressBoard } from '../import-progress';
import { namesOf, PreviewedImports } from '../previewed-imports';
import { Uploads, UPLOADS_DB_NAME, UPLOAD_KEEP_MS } from '../../ledger/uploads';
import { HandedFiles } from '../handoff';
import { fail } from '../../domain/problems';
import { pageChanges, PREVIEW_FIRST_ROWS, type StoreAdminRequest } from '../../domain/ledger/admin';
import { ok } from '../router';
import { commandContext, replayOf, requestHashOf } from './context';

/** The ledger's messages: a subject's record, the panel's commands, the options page's tasks. */
export function registerLedgerHandlers(hub: Hub): void {
  const { router, store, publisher } = hub;

  router.handle('subjectRecord', async (query) => ok<'subjectRecord'>(await subjectRecord(store, query)));

  router.handle('ledgerCommand', (command) =>
    publisher.during(async () => {
      // A retry of an action already carried out: its first answer, before any check (an extension
      // retried would otherwise be refused as "not later" than itself).
      const requestHash = command.commandKey ? await requestHashOf('ledgerCommand', command) : undefined;
      const first = await replayOf(hub, command.commandKey, 'ledgerCommand', requestHash);
      if (first) return first;
      // The admin who decides is the one signed in to that business (an extension names its grant's).
      const businessId =
        'businessId' in command ? command.businessId : (await store.grant(command.grantId))?.businessId;
      const result = await runLedgerCommand(store, command, {
        ...(await commandContext(hub, businessId)),
        ...(command.commandKey ? { commandKey: command.commandKey } : {}),
        ...(requestHash ? { requestHash } : {}),
      });
      if (!result.ok) return result;
      // The panel updates at once: every tab of the business is analysed again with the new ledger facts,
      // checklist steps that a record proves tick themselves, and the reminders follow the new end dates.
      const decided = result.decision.businessId;
      await updateRunsFromEvidence(hub, decided, hub.clock()).catch(() => false);
      publisher.invalidateBusiness(decided);
      void hub.reminders.check();
      return ok<'ledgerCommand'>({ decision: result.decision });
    }),
  );

  // How far each running import is, for the options page's progress bar (polled by command key: a poll is
  // answered when the import's stage is not the one the page shows, or after a quarter of a second).
  const imports = new ImportProgressBoard();
  router.handle('importProgress', async ({ commandKey, seen }) => {
    const progress = await imports.next(commandKey, seen);
    return ok<'importProgress'>(progress ? { progress } : {});
  });

  // Files the options page previewed, waiting for their import (lib/platform/previewed-imports.ts).
  const previews = new PreviewedImports(() => hub.clock().getTime());
  // Files the options page stored for their preview (lib/ledger/uploads.ts).
  const uploads = new Uploads(UPLOADS_DB_NAME, () => hub.clock().getTime());
  // Files the options page handed to this worker by reference (lib/platform/handoff.ts), where it can.
  const handed = new HandedFiles(UPLOAD_KEEP_MS, () => hub.clock().getTime());
  handed.listen();
  router.handle('ledgerAdmin', (request) =>
    publisher.during(async () => {
      // Where an import's time goes (read by `npm run bench -- --only import` with BENCH_DEBUG).
      if (request.type === 'plan-upload' || request.type === 'apply-previewed')
        globalThis.performance?.mark?.('import:asked');
      const first = await replayOf(hub, request.commandKey, 'ledgerAdmin');
      if (first) return first;
      // A preview's file, kept here: its import names it instead of sending it again (issue 12, item 5).
      if (request.type === 'drop-preview') {
        previews.drop(request.preview);
        store.forgetImportChecks();
        return ok<'ledgerAdmin'>({ type: 'preview', kept: false });
      }
      if (request.type === 'keep-preview')
        return ok<'ledgerAdmin'>({ type: 'preview', kept: previews.has(request.preview) });
      if (request.type === 'preview-changes') {
        const rows = previews.changes(request.preview, request.list, request.from, request.count);
        if (!rows) return fail('import-preview-gone');
        return ok<'ledgerAdmin'>({ type: 'preview-changes', ...rows });
      }
      let task: StoreAdminRequest;
      // The file's size in bytes, when it came as a file (its own size) or was previewed so: not counted again.
      let bytes: number | undefined;
      if (request.type === 'plan-upload') {
        const upload = (await handed.take(request.upload)) ?? (await uploads.take(request.upload));
        if (upload === undefined) return fail('import-preview-gone');
        task = { type: 'plan-import', text: upload.text };
        bytes = upload.bytes;
      } else if (request.type === 'apply-previewed') {
        // Taken once: a second import of the same preview is refused (a retry of the same action, same
        // command key, got its first answer above).
        const file = previews.take(request.preview);
        if (!file) return fail('import-preview-gone');
        bytes = file.bytes;
        task = {
          type: 'apply-import',
          text: file.text,
          trust: request.trust,
          acceptKeys: request.acceptKeys,
        };
      } else task = request;
      const importing = task.type === 'plan-import' || task.type === 'apply-import';
      const settings = await hub.currentSettings();
      const run = () =>
        ledgerAdmin(
          store,
          task,
          hub.clock(),
          settings,
          request.commandKey,
          importing ? imports.reporter(request.commandKey) : undefined,
          bytes,
        );
      // "Delete all data" with the team ledger's replication stopped and its local copy dropped first.
      const outcome = await (
        task.type === 'delete-all' && hub.eraseWith ? hub.eraseWith(run) : run()
      ).finally(() => imports.done(request.commandKey));
      if (!outcome.ok) return outcome;
      const { result } = outcome;
      if (importing) globalThis.performance?.mark?.('import:answered');
      if (task.type === 'plan-import' && result.type === 'import') {
        // The change lists stay here with the preview; the page gets their counts and first rows, and asks
        // for more as the admin expands a list (a file of 100,000 decisions lists ~35,000, ~6 MB).
        const { summary } = result;
        const paged = pageChanges(summary.changes);
        if (paged.counts.every((c) => c.total <= PREVIEW_FIRST_ROWS))
          return ok<'ledgerAdmin'>({ ...result, preview: previews.keep(task.text, bytes) });
        const preview = previews.keep(task.text, bytes, { lists: paged.lists, names: summary.names });
        return ok<'ledgerAdmin'>({
          ...result,
          summary: {
            ...summary,
            changes: paged.shown,
            names: namesOf(paged.shown, summary.names),
            lists: paged.counts,
          },
          preview,
        });
      }
      if (
        result.type === 'delete-all' ||
        (result.type === 'import' && result.applied) ||
        (result.type === 'colleagues' && request.type !== 'colleagues')
      ) {
        publisher.invalidateAll();
        void hub.reminders.check();
      }
      if (result.type === 'delete-all') {
        hub.cache.forgetBusinesses();
        // A page's read waiting to be recorded was shown before the erasure: it is not written back.
        hub.recording.cancelAll();
      }
      if (result.type === 'export-saved') {
        // An export is the evidence of a periodic review's first step, and the export is no longer due.
        // Every business with an open checklist, read from the ledger (the worker may have restarted).
        const open = (await store.runs()).filter((r) => r.status === 'open');
        for (const businessId of new Set(open.map((r) => r.businessId)))
          await updateRunsFromEvidence(hub, businessId, hub.clock()).catch(() => false);
        void hub.reminders.check();
      }
      return ok<'ledgerAdmin'>(result);
    }),
  );
}
