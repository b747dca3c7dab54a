import { afterEach } from 'vitest';

/**
 * A test file's browser, one at a time: what a test opens is closed after it, pass or fail, so a failed
 * assertion never leaves a browser running into the next test. A test that restarts the browser closes the
 * first one itself (`close`) before it opens the next.
 */
export function sessionPerTest<S extends { close(): Promise<void> }>(): {
  open(launching: Promise<S>): Promise<S>;
  close(): Promise<void>;
} {
  let current: S | undefined;
  const close = async (): Promise<void> => {
    const open = current;
    current = undefined;
    await open?.close();
  };
  afterEach(close);
  return {
    async open(launching) {
      current = await launching;
      return current;
    },
    close,
  };
}
