import type { ViteUserConfig } from 'vitest/config';

declare const config: ViteUserConfig;
export default config;

/** The shared configuration with this package's coverage floor (percent, lines and branches). */
export declare function withCoverageThresholds(floor: {
  lines: number;
  branches: number;
}): ViteUserConfig;
