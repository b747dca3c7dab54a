import { browser } from 'wxt/browser';
import { backupDueAt, isBackupDue } from '../domain/ledger/backup';
import { backupText } from '../domain/reminder-text';
import { pickUiLocale } from '../domain/rules';
import { ledgerStore } from './ledger-handlers';
import { loadSettings } from './settings';

const ALARM = 'scopekeeper-backup-check';
const NOTIFICATION = 'scopekeeper-backup';

/** What the backup reminder is computed from: the setting, the oldest record and the last export. */
async function backupInput() {
  const { settings } = await loadSettings();
  const store = ledgerStore();
  const meta = async (key: string) => (await store.db.meta.get(key))?.value as string | undefined;
  const first = await store.db.decisions.orderBy('at').first();
  const lastExportAt = await meta('lastExportAt');
  const lastRemindedAt = await meta('lastBackupReminderAt');
  return {
    everyDays: settings.backupReminderDays,
    ...(first ? { firstDataAt: first.at } : {}),
    ...(lastExportAt ? { lastExportAt } : {}),
    ...(lastRemindedAt ? { lastRemindedAt } : {}),
  };
}

/** When an export is due now: the instant it fell due (the popup lists it, the badge counts it). */
export async function backupDueSince(now: Date): Promise<string | undefined> {
  const due = backupDueAt(await backupInput());
  return due && Date.parse(due) <= now.getTime() ? due : undefined;
}

/** Checks once a day whether to suggest an export (monthly by default; Settings › backup reminder). */
export async function checkBackupReminder(now = new Date()): Promise<boolean> {
  if (!isBackupDue({ ...(await backupInput()), now })) return false;
  await ledgerStore().db.meta.put({ key: 'lastBackupReminderAt', value: now.toISOString() });
  const text = backupText(pickUiLocale(browser.i18n?.getUILanguage?.()));
  await browser.notifications.create(NOTIFICATION, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title: text.title,
    message: text.message,
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
