// How every browser test starts Chromium: Debian's own (playwright-core downloads none), headless,
// without the sandbox (containers run as root), and without Chromium's own traffic (updates,
// sync, first-run pages), so the requests a test records are its page's alone.
export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumLaunchOptions(extraArgs = []) {
  return { executablePath: CHROMIUM, headless: true, args: [...ARGS, ...extraArgs] };
}
