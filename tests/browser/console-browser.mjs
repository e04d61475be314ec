// What the console's browser scripts (console.mjs, dashboard.mjs) share: settings from the environment, steps and
// checks that print what failed, and Debian's chromium at 1280×800 in a fresh profile, with generous waits.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// generous: the build machine is shared; these are waits, not assertions about speed
const WAIT = 120_000;

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

export function step(text) {
  console.log(`STEP ${text}`);
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** A headless chromium with a profile of its own (prefix names it); answers the browser context and its page. */
export async function launch(prefix) {
  const profile = mkdtempSync(join(tmpdir(), prefix));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'zh-CN',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
      '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(WAIT);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
