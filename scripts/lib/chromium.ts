/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser): the one way the
 * tooling and the browser tests start it.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Headless, as root in a container, and quiet on a machine without network access. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox', // Chromium refuses to run as root (containers, CI) with its sandbox on
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(executablePath: string = CHROME_PATH): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
