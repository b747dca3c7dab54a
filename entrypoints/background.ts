import { setupBackupReminder } from '@/lib/platform/backup-reminder';
import { setupReminders } from '@/lib/platform/reminders';
import { registerTabStateHandlers } from '@/lib/platform/tab-state';

export default defineBackground(() => {
  registerTabStateHandlers();
  setupBackupReminder();
  setupReminders();
});
