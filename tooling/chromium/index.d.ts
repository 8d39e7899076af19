/** Where Debian installs Chromium. */
export declare const CHROMIUM: string;

/** Options for playwright-core's launch and launchPersistentContext; `extraArgs` go last. */
export declare function chromiumLaunchOptions(extraArgs?: readonly string[]): {
  executablePath: string;
  headless: true;
  args: string[];
};
