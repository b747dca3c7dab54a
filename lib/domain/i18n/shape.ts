import type { en } from './en/index';

/**
 * The shape every language's catalogue has: English's. A missing or extra key fails the build. Its own
 * module so that the languages can name it without importing the index that imports them.
 */
export type Catalogue = typeof en;
