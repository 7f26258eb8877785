import { existsSync } from 'node:fs';
import type { LaunchOptions } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`), as on CI. */
const chromiumPath = '/usr/bin/chromium';

export const chromiumInstalled = existsSync(chromiumPath);

export const chromiumMissingMessage = `Browser tests skipped: Chromium not found at ${chromiumPath} (apt-get install -y chromium)`;

export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: chromiumPath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
