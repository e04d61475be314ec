// The operators' dashboard in a real browser (Debian's chromium driven by playwright-core): a department user has no
// dashboard; an operator sees each department's figures and the four charts drawn from data, reminds the overdue
// department by hand; that department's user then sees the reminder as a banner. Run by DashboardBrowserIT, which
// starts the hub with the data (scjg reported today, zf 40 days ago) and checks the store afterwards. Environment:
//   CONSOLE_URL      e.g. http://127.0.0.1:41234/console
//   OPERATOR_USER    "user:password" of a platform operator
//   DEPARTMENT_USER  "user:password" of a user of the overdue department (zf)
//   OUT_DIR          where screenshots go (dashboard.png is the one in docs/console/)
// Exits 0 when every step passed; otherwise prints the failed step and exits 1.
import { join } from 'node:path';
import { account, env, step, check, launch } from './common.mjs';

const base = env('CONSOLE_URL');
const outDir = env('OUT_DIR');
const { context, page } = await launch('huiju-dashboard-');
const shot = (name, fullPage = false) => page.screenshot({ path: join(outDir, `${name}.png`), fullPage });

async function login({ user, password }) {
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/console/submissions.html'));
  await page.locator('#user').waitFor();
}

async function logout() {
  await page.locator('#logout').click();
  await page.waitForURL((url) => url.pathname.endsWith('/console/login'));
}

const cell = (department, selector) => page.locator(`#departments tr[data-department="${department}"] ${selector}`);

try {
  step('a department user has no dashboard: no menu entry, 403 for the page');
  await login(account('DEPARTMENT_USER'));
  check((await page.locator('#menu-dashboard').count()) === 0, 'a department user sees the dashboard entry');
  check((await page.locator('#notices').count()) === 0, 'a notice before any reminder');
  const refused = await page.goto(`${base}/dashboard.html`);
  check(refused.status() === 403, `the dashboard answered ${refused.status()} to a department user`);
  await page.goto(`${base}/submissions.html`);
  await logout();

  step('an operator opens the dashboard from the menu');
  await login(account('OPERATOR_USER'));
  await page.locator('#menu-dashboard').click();
  await page.waitForURL((url) => url.pathname.endsWith('/console/dashboard.html'));
  await page.locator('body[data-loaded="true"]').waitFor();

  step("scjg's figures: reported today, 4 rows, 75 % complete, 50 % valid, 50 % timely, 100 % consistent");
  check((await cell('scjg', 'td:nth-child(5)').innerText()) === '按时', 'scjg not on time');
  check((await cell('scjg', 'td:nth-child(7)').innerText()) === '4', 'scjg rows received');
  const rates = {};
  for (const rate of ['completeness', 'validity', 'timeliness', 'consistency']) {
    rates[rate] = await cell('scjg', `td[data-rate="${rate}"]`).innerText();
  }
  check(JSON.stringify(rates) === JSON.stringify(
    { completeness: '75.0%', validity: '50.0%', timeliness: '50.0%', consistency: '100.0%' }),
  `scjg rates ${JSON.stringify(rates)}`);
  const zfStatus = await cell('zf', 'td:nth-child(5)').innerText();
  check(zfStatus === '逾期 32 天', `zf status: ${zfStatus}`);

  step('the four charts are drawn (a canvas each) from data');
  const charts = await page.evaluate(() => Object.fromEntries(
    ['chart-records', 'chart-rejects', 'chart-overdue', 'chart-quality'].map((id) => {
      const node = document.getElementById(id);
      const chart = echarts.getInstanceByDom(node);
      const data = chart ? chart.getOption().series[0].data : [];
      return [id, {
        canvas: node.querySelector('canvas') !== null,
        values: data.filter((v) => v !== null && v !== 0).length,
      }];
    })));
  for (const [id, chart] of Object.entries(charts)) {
    check(chart.canvas && chart.values > 0, `${id}: ${JSON.stringify(chart)}`);
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 1280, `the page is ${width} pixels wide at 1280`);
  await shot('dashboard', true);

  step('the operator reminds the overdue department by hand');
  await cell('zf', 'button[data-remind="zf"]').click();
  await page.locator('#message', { hasText: '已催报' }).waitFor();
  await page.locator('#reminders tbody tr', { hasText: '控制台通知' }).waitFor();
  const mail = await page.locator('#reminders tbody tr', { hasText: '邮件' }).first().innerText();
  check(mail.includes('未发送') && mail.includes('spring.mail.host'), `e-mail row: ${mail}`);
  await shot('dashboard-reminded');

  step('the dashboard in English');
  await page.locator('#language').click();
  await page.getByRole('heading', { name: 'Monitoring and reminders' }).waitFor();
  await page.locator('body[data-loaded="true"]').waitFor();
  const english = await cell('zf', 'td:nth-child(5)').innerText();
  check(english === '32 days overdue', `zf status in English: ${english}`);
  await page.locator('#language').click();
  await page.getByRole('heading', { name: '监控与催报' }).waitFor();
  await logout();

  step("the overdue department's user sees the reminder as a banner");
  await login(account('DEPARTMENT_USER'));
  const banner = page.locator('#notices');
  await banner.waitFor();
  const text = await banner.innerText();
  check(text.includes('催报') && text.includes('龙岩市城市管理综合执法局'), `banner: ${text}`);
  await shot('dashboard-notice');
  await logout();

  console.log('PASSED');
} catch (e) {
  console.error(`FAILED: ${e.stack ?? e}`);
  await shot('dashboard-failure', true).catch(() => {});
  process.exitCode = 1;
} finally {
  await context.close();
}
