// What the console's browser scripts share: settings from the environment, step logging, checks, and a fresh
// headless Debian chromium (playwright-core never downloads a browser of its own).
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// generous: the build machine is shared; these are waits, not assertions about speed
export const WAIT = 120_000;

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

/** "user:password" from the environment variable. */
export const account = (name) => {
  const [user, ...rest] = env(name).split(':');
  return { user, password: rest.join(':') };
};

export function step(text) {
  console.log(`STEP ${text}`);
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** A browser with an empty profile, 1280×800 as the console is laid out for, and its first page. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'huiju-console-'));
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
