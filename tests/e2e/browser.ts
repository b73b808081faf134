// Test helper: launches Debian's Chromium through playwright-core, or says what to install.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assertBrowserInstalled(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}. Install Debian's browser with: sudo apt-get install chromium (or set CHROMIUM_PATH).`);
  }
}

export async function launchBrowser(): Promise<Browser> {
  assertBrowserInstalled();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
