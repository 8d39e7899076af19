import { defineConfig, mergeConfig } from 'vitest/config';
import base from '@repo/vitest-config';

// Tests run in plain Node, as on a phone; the React entry's tests opt into jsdom per file.
export default mergeConfig(
  base,
  defineConfig({ test: { include: ['src/**/*.test.ts', 'src/**/*.test.tsx'] } }),
);
