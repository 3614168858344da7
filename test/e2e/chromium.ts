import type { LaunchOptions } from 'playwright-core';

/**
 * How every test launches a browser: Debian's Chromium, never a downloaded one (CI and this machine have no network
 * for `playwright install`). The flags keep Chromium from phoning home or updating itself during a run.
 * Shared by the e2e global setup and the vitest `browser` project.
 */
export const chromiumExecutablePath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const chromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: chromiumExecutablePath,
  args: [...chromiumArgs],
  headless: true,
};
