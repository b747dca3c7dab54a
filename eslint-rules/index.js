// The project's own ESLint rules, registered in eslint.config.js as `scopekeeper/<rule>`.
import noImportCycles from './no-import-cycles.js';

export default {
  meta: { name: 'eslint-plugin-scopekeeper' },
  rules: { 'no-import-cycles': noImportCycles },
};
