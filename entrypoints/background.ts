import { registerTabStateHandlers } from '@/lib/platform/tab-state';

export default defineBackground(() => {
  registerTabStateHandlers();
});
