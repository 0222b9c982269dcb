import { jestConfig } from '../../jest.preset.js';

const base = jestConfig({ testTimeout: 60_000 });

// the services these tests start resolve to their sources too, so no build is needed first
export default {
  ...base,
  moduleNameMapper: {
    '^@writ/(auction|fund-ledger|petitions)$': '<rootDir>/../../apps/$1/src/app.ts',
    ...base.moduleNameMapper,
  },
};
