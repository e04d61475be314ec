// A department user in the web console, in a real browser (Debian's chromium driven by playwright-core): logs in,
// uploads a workbook and sees its receipt, opens the payload and its rejected rows, and cannot open another
// department's payload. Run by ConsoleBrowserIT, which starts the hub and checks the store and the audit log
// afterwards. Settings come from the environment:
//   CONSOLE_URL      e.g. http://127.0.0.1:41234/console
//   DEPARTMENT_USER  "user:password" of a department submitter
//   WORKBOOK         the file to upload (a filled penalty template with one wrong credit code)
//   OTHER_PAYLOAD    a payload id of another department
//   SCRIPT_FILE      a CSV whose credit code is an HTML tag with a script (it must be shown as text)
//   OUT_DIR          where screenshots go
// Exits 0 when every step passed; otherwise prints the failed step and exits 1.
import { join } from 'node:path';
import { account, check, env, launch, step } from './browser.mjs';

const { user, password } = account('DEPARTMENT_USER');
const base = env('CONSOLE_URL');
const outDir = env('OUT_DIR');
const { context, page } = await launch();
const shot = (name) => page.screenshot({ path: join(outDir, `console-${name}.png`) });

try {
  step('a page of the console sends a visitor to the login page');
  await page.goto(`${base}/submissions.html`);
  await page.waitForURL((url) => url.pathname.endsWith('/console/login'));
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(password);
  await shot('login');

  step('the department user logs in and sees its submissions');
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/console/submissions.html'));
  await page.getByRole('heading', { name: '我的报送' }).waitFor();
  await page.locator('#user').waitFor();
  await shot('submissions-empty');

  step('the user uploads a workbook from the upload page');
  await page.locator('nav.menu').getByRole('link', { name: '上传' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/console/upload.html'));
  await page.locator('#templates a').first().waitFor();
  await page.locator('#file').setInputFiles(env('WORKBOOK'));
  await page.getByRole('button', { name: '上传' }).click();

  step('the user sees the receipt when the payload is done');
  await page.locator('#receipt-status .status-DONE').waitFor();
  const payloadId = (await page.locator('#receipt-link').textContent()).trim();
  const counts = await page.locator('#receipt-counts').innerText();
  check(/退回/.test(counts), `receipt counts: ${counts}`);
  await shot('upload-receipt');

  step('the user opens the payload and sees the rejected rows with their reasons');
  await page.locator('#receipt-link').click();
  await page.waitForURL((url) => url.pathname.endsWith(`/console/payloads/${payloadId}`));
  await page.locator('#rejects tbody tr', { hasText: 'USCC_CHECK' }).first().waitFor();
  const reason = await page.locator('#rejects tbody tr', { hasText: 'USCC_CHECK' }).first().innerText();
  check(reason.includes('校验位'), `reject row: ${reason}`);
  check(await page.locator('#feedback').isVisible(), 'no feedback link');
  await shot('payload');

  step('text from a department file is shown as text, never as HTML');
  await page.locator('nav.menu').getByRole('link', { name: '上传' }).click();
  await page.locator('#file').setInputFiles(env('SCRIPT_FILE'));
  await page.getByRole('button', { name: '上传' }).click();
  await page.locator('#receipt-status .status-DONE').waitFor();
  await page.locator('#receipt-link').click();
  const scripted = page.locator('#rejects tbody tr', { hasText: 'onerror' }).first();
  await scripted.waitFor();
  // the hub normalises the code (upper case, no spaces) and quotes it in the reason: shown as it is, tag and all
  check((await scripted.innerText()).toUpperCase().includes('<IMGSRC=XONERROR='), await scripted.innerText());
  check((await page.locator('#rejects img').count()) === 0, 'an <img> from the file became an element');
  check((await page.evaluate(() => window.__xss)) === undefined, 'script from the file ran');
  await shot('payload-script-as-text');

  step('the payload is listed under 我的报送');
  await page.locator('nav.menu').getByRole('link', { name: '我的报送' }).click();
  await page.locator(`tr[data-payload="${payloadId}"]`).waitFor();
  await shot('submissions');

  step("another department's payload answers 404");
  const other = await page.goto(`${base}/payloads/${encodeURIComponent(env('OTHER_PAYLOAD'))}`);
  check(other.status() === 404, `another department's payload answered ${other.status()}`);
  await page.getByText('未找到该报送批次').waitFor();
  await shot('other-department');

  step('the user logs out');
  await page.goto(`${base}/submissions.html`);
  await page.locator('#logout').click();
  await page.waitForURL((url) => url.pathname.endsWith('/console/login'));
  await page.getByText('已退出登录').waitFor();

  console.log(`PAYLOAD ${payloadId}`);
  console.log('PASSED');
} catch (e) {
  console.error(`FAILED: ${e.stack ?? e}`);
  await shot('failure').catch(() => {});
  process.exitCode = 1;
} finally {
  await context.close();
}
