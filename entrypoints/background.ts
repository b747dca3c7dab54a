import { setupBackupReminder } from '@/lib/platform/backup-reminder';
import { registerTabStateHandlers } from '@/lib/platform/tab-state';

export default defineBackground(() => {
  registerTabStateHandlers();
  setupBackupReminder();
});
