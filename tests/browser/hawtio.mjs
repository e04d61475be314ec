// What an operator does in Hawtio, in a real browser (Debian's chromium driven by playwright-core), and what a viewer
// and a department cannot do there. Run by HawtioBrowserIT, which starts the hub and checks the routes afterwards
// through Camel itself. Settings come from the environment:
//   HAWTIO_URL       e.g. http://127.0.0.1:41234/actuator/hawtio
//   OPERATOR, VIEWER, DEPARTMENT   "user:password"
//   STOP_ROUTE       the feed the operator stops (file-drop-scjg)
//   KEEP_ROUTE       the feed the viewer tries to stop (it must stay started)
//   CAMEL_CONTEXT    the Camel context's management name (its MBeans' context=…)
//   OUT_DIR          where screenshots go
// Exits 0 when every step passed; otherwise prints the failed step and exits 1.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const account = (name) => {
  const [user, ...rest] = env(name).split(':');
  return { user, password: rest.join(':') };
};

const base = env('HAWTIO_URL');
const outDir = env('OUT_DIR');
const stopRoute = env('STOP_ROUTE');
const keepRoute = env('KEEP_ROUTE');
// generous: the build machine is shared; these are waits, not assertions about speed
const WAIT = 120_000;

function step(text) {
  console.log(`STEP ${text}`);
}

/** A fresh browser with an empty profile, so no session leaks from one user to the next. */
async function browser() {
  const profile = mkdtempSync(join(tmpdir(), 'huiju-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1600, height: 1000 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context.setDefaultTimeout(WAIT);
  context.setDefaultNavigationTimeout(WAIT);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** Fills Hawtio's login form and returns the HTTP status of the login request. */
async function login(page, { user, password }) {
  await page.goto(`${base}/`);
  await page.locator('#pf-login-username-id').fill(user);
  await page.locator('#pf-login-password-id').fill(password);
  const answer = page.waitForResponse((r) => r.url().endsWith('/auth/login'));
  await page.getByRole('button', { name: 'Log in' }).click();
  const status = (await answer).status();
  if (status === 200) {
    // the console moves on from /login by itself; navigating before it does would be cut short
    await page.waitForURL((url) => !url.pathname.endsWith('/login'));
    await page.getByText('Hawtio Management Console').or(page.getByRole('banner')).first().waitFor();
  }
  return status;
}

/** A Jolokia request from inside the logged-in page, as Hawtio itself would send it. */
async function jolokia(page, request) {
  return page.evaluate(
    async ({ url, body }) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { http: response.status, body: response.status === 200 ? await response.json() : null };
    },
    { url: base.replace(/\/hawtio$/, '/jolokia'), body: request },
  );
}

const camelContext = env('CAMEL_CONTEXT');
const routeMBean = (id) => `org.apache.camel:context=${camelContext},type=routes,name="${id}"`;

async function routesPage(page) {
  await page.goto(`${base}/camel/routes`);
  await page.getByRole('tab', { name: 'Routes' }).or(page.getByRole('button', { name: 'Routes' })).first().waitFor();
}

function row(page, routeId) {
  return page.locator('tr', { has: page.getByText(routeId, { exact: true }) });
}

async function expectState(page, routeId, state) {
  await row(page, routeId).getByText(state, { exact: true }).waitFor();
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function department() {
  const { context, page } = await browser();
  try {
    step('a department login is refused by Hawtio');
    const status = await login(page, account('DEPARTMENT'));
    check(status === 403, `department login answered ${status}, expected 403`);
    const search = await jolokia(page, { type: 'search', mbean: 'org.apache.camel:type=routes,*' });
    check(search.http === 403 || search.http === 401, `Jolokia answered ${search.http} to a department`);
    await page.screenshot({ path: join(outDir, 'hawtio-department-refused.png') });
  } finally {
    await context.close();
  }
}

async function operator() {
  const { context, page } = await browser();
  try {
    step('the operator logs in');
    const status = await login(page, account('OPERATOR'));
    check(status === 200, `operator login answered ${status}`);

    step('the operator sees the Camel routes with their statistics');
    await routesPage(page);
    await expectState(page, stopRoute, 'Started');
    await page.getByText('Completed', { exact: true }).first().waitFor();
    await page.screenshot({ path: join(outDir, 'hawtio-routes.png') });

    step(`the operator stops ${stopRoute}`);
    await row(page, stopRoute).locator('input[type=checkbox]').check();
    await page.getByRole('button', { name: 'Stop' }).click();
    await expectState(page, stopRoute, 'Stopped');
    await page.screenshot({ path: join(outDir, 'hawtio-routes-stopped.png') });

    step('the operator opens the route diagram');
    await page.getByText(stopRoute, { exact: true }).first().click();
    await page.getByRole('tab', { name: 'Route Diagram' }).or(page.getByText('Route Diagram', { exact: true })).first().click();
    await page.locator('.react-flow__node').first().waitFor();
    await page.screenshot({ path: join(outDir, 'hawtio-route-diagram.png') });

    step('the operator sees the dead-letter queue of the broker and its depth (JMX tree)');
    await page.goto(`${base}/jmx`);
    await page.getByText('org.apache.activemq.artemis', { exact: true }).waitFor();
    // the tree's search box expands the branches that match
    await page.locator('input[type=search], input[placeholder*="earch"]').first().fill('huiju.DLQ');
    await page.locator('[role=treeitem]', { hasText: 'anycast' }).last().getByText('huiju.DLQ', { exact: true }).last().click();
    await page.getByText('MessageCount', { exact: true }).first().waitFor();
    await page.screenshot({ path: join(outDir, 'hawtio-artemis-dlq.png') });
  } finally {
    await context.close();
  }
}

async function viewer() {
  const { context, page } = await browser();
  try {
    step('the viewer logs in and sees the routes');
    const status = await login(page, account('VIEWER'));
    check(status === 200, `viewer login answered ${status}`);
    await routesPage(page);
    await expectState(page, keepRoute, 'Started');

    step(`the viewer cannot stop ${keepRoute}: the console offers no Stop`);
    await row(page, keepRoute).locator('input[type=checkbox]').check();
    const stop = page.getByRole('button', { name: 'Stop' });
    await stop.waitFor();
    check(await stop.isDisabled(), 'Stop is enabled for a viewer');
    await page.screenshot({ path: join(outDir, 'hawtio-routes-viewer.png') });

    step(`the viewer cannot stop ${keepRoute}: the server refuses the request itself`);
    const answer = await jolokia(page, { type: 'exec', mbean: routeMBean(keepRoute), operation: 'stop()' });
    check(answer.http === 200 && answer.body.status === 403, `Jolokia answered ${JSON.stringify(answer)}`);
    const state = await jolokia(page, { type: 'read', mbean: routeMBean(keepRoute), attribute: 'State' });
    check(state.body.value === 'Started', `${keepRoute} is ${state.body.value}`);
  } finally {
    await context.close();
  }
}

try {
  await department();
  await operator();
  await viewer();
  console.log('PASSED');
} catch (e) {
  console.error(`FAILED: ${e.stack ?? e}`);
  process.exitCode = 1;
}
