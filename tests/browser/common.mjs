// What every browser script here shares: settings from the environment, step and check reporting, and Debian's
// chromium started headless at 1280×800 on a profile of its own (playwright-core never downloads a browser).
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

/** "user:password" from the environment variable, the password free to hold colons. */
export function account(name) {
  const [user, ...rest] = env(name).split(':');
  return { user, password: rest.join(':') };
}

export function step(text) {
  console.log(`STEP ${text}`);
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** A fresh Chinese-locale browser and its first page; close the context when done. */
export async function launch(profilePrefix) {
  const profile = mkdtempSync(join(tmpdir(), profilePrefix));
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
