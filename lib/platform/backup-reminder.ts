import { browser } from 'wxt/browser';
import { isBackupDue } from '../domain/ledger/backup';
import { ledgerStore } from './ledger-handlers';
import { loadSettings } from './settings';

const ALARM = 'scopekeeper-backup-check';
const NOTIFICATION = 'scopekeeper-backup';

/** Checks once a day whether to suggest an export (monthly by default; Settings › backup reminder). */
export async function checkBackupReminder(now = new Date()): Promise<boolean> {
  const { settings } = await loadSettings();
  const store = ledgerStore();
  const meta = async (key: string) => (await store.db.meta.get(key))?.value as string | undefined;
  const hasData = (await store.db.grants.count()) + (await store.db.decisions.count()) > 0;
  const due = isBackupDue({
    hasData,
    everyDays: settings.backupReminderDays,
    now,
    lastExportAt: await meta('lastExportAt'),
    lastRemindedAt: await meta('lastBackupReminderAt'),
  });
  if (!due) return false;
  await store.db.meta.put({ key: 'lastBackupReminderAt', value: now.toISOString() });
  await browser.notifications.create(NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: 'Export your Scopekeeper ledger',
    message:
      'Your grant records and decisions live only in this browser. Export a copy from Scopekeeper’s settings.',
  });
  return true;
}

/** Alarms are re-created at every start of the background, so the check survives restarts. */
export function setupBackupReminder(): void {
  void browser.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: 24 * 60 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void checkBackupReminder();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id === NOTIFICATION) void browser.runtime.openOptionsPage();
  });
}
