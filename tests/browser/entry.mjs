// A department user enters a penalty by hand in the console's 新增记录 form, in a real browser (Debian's chromium
// driven by playwright-core): a wrong check character of the credit code is shown under that field as the user leaves
// it, the fixed code clears it, a double click on 提交 submits once, and the receipt says the record is stored. Run by
// ConsoleEntryBrowserIT, which checks the library and the payloads afterwards. Settings come from the environment:
//   CONSOLE_URL      e.g. http://127.0.0.1:41234/console
//   DEPARTMENT_USER  "user:password" of a department submitter
//   DOCUMENT_NUMBER  the 行政处罚决定书文号 to enter (the test looks the record up by it)
//   GOOD_USCC, WRONG_USCC  the subject's credit code, and the same with a wrong check character
//   CORRECTION       "from=<payload>&row=<line>" of a row rejected for WRONG_USCC
//   OUT_DIR          where screenshots go
// Exits 0 when every step passed; otherwise prints the failed step and exits 1.
import { join } from 'node:path';
import { account, check, env, launch, step } from './common.mjs';

const { user, password } = account('DEPARTMENT_USER');
const base = env('CONSOLE_URL');
const outDir = env('OUT_DIR');
const { context, page } = await launch('huiju-entry-');
const shot = (name, options = {}) => page.screenshot({ path: join(outDir, `console-${name}.png`), ...options });
const field = (path) => page.locator(`#field-${path.replace(/\./g, '-')}`);
const problem = (path) => page.locator(`#field-${path.replace(/\./g, '-')}-problem`);

try {
  step('the department user logs in');
  await page.goto(`${base}/login`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/console/submissions.html'));

  step('新增记录 in the menu opens the penalty form, its fields drawn from the hub');
  await page.locator('nav.menu').getByRole('link', { name: '新增记录' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/console/entry.html'));
  await field('subject.name').waitFor();
  check(await page.locator('#category-penalty.active').count() === 1, 'penalty is not the active category');
  const label = await page.locator('label[for="field-subject-uscc"]').innerText();
  check(label.includes('统一社会信用代码') && label.includes('CF_XDR_SHXYM'), `USCC label: ${label}`);

  step('the user fills a penalty with a wrong check character and sees the reason under the credit code');
  await field('subject.name').fill('龙岩市新罗区恒达贸易有限公司');
  await field('subject.kind').selectOption('法人及非法人组织');
  await field('subject.uscc').fill(env('WRONG_USCC'));
  await field('subject.legalRepresentative').click(); // leaving the field checks it
  await problem('subject.uscc').filter({ hasText: 'USCC_CHECK' }).waitFor();
  const reason = await problem('subject.uscc').innerText();
  check(reason.includes('校验位错误'), `reason on the USCC field: ${reason}`);
  check(await page.locator('.field.invalid[data-field="subject.uscc"]').count() === 1, 'the field is not marked');
  await field('subject.legalRepresentative').fill('王建国');
  await field('decision.documentNumber').fill(env('DOCUMENT_NUMBER'));
  await field('penalty.violationType').fill('销售不合格产品');
  await field('penalty.facts').fill('<img src=x onerror="window.__xss=1">销售不合格电线，货值2000元');
  await field('penalty.legalBasis').fill('《中华人民共和国产品质量法》第四十九条');
  await field('penalty.kinds').fill('罚款');
  await field('decision.content').fill('罚款2000元');
  await field('penalty.fine').fill('0.2');
  await field('decision.date').fill('2024-03-05');
  await field('decision.authority').fill('龙岩市市场监督管理局');
  await field('decision.authorityCode').fill('11350800MB0281236E');
  await field('decision.remarks').click();
  await page.waitForTimeout(1000); // the debounced check of the last field
  await problem('subject.uscc').filter({ hasText: 'USCC_CHECK' }).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot('entry');

  step('the fixed credit code clears the reason');
  await field('subject.uscc').fill(env('GOOD_USCC'));
  await field('subject.legalRepresentative').click();
  await page.locator('.field.invalid').first().waitFor({ state: 'detached' });
  check((await problem('subject.uscc').innerText()).trim() === '', 'the reason stayed');

  step('a double click on 提交 submits once and the receipt says the record is stored');
  await page.locator('#submit').dblclick();
  await page.locator('#receipt-status .status-DONE').waitFor();
  const payloadId = (await page.locator('#receipt-link').textContent()).trim();
  const counts = await page.locator('#receipt-counts').innerText();
  check(/1\s*入库/.test(counts), `receipt counts: ${counts}`);
  await page.getByText('记录已入库').waitFor();
  check((await page.evaluate(() => window.__xss)) === undefined, 'script from a field ran');
  await page.locator('#receipt').scrollIntoViewIfNeeded();
  await shot('entry-receipt');

  step('the payload is listed under 我的报送');
  await page.locator('nav.menu').getByRole('link', { name: '我的报送' }).click();
  await page.locator(`tr[data-payload="${payloadId}"]`).waitFor();

  step('a rejected row of a file opens in the form from its payload page (更正), filled in, with its reason on the field');
  const correction = new URLSearchParams(env('CORRECTION'));
  await page.goto(`${base}/payloads/${encodeURIComponent(correction.get('from'))}`);
  await page.locator(`a.correct[href="/console/entry.html?${correction}"]`).click();
  await page.waitForURL(/entry\.html\?from=/);
  await problem('subject.uscc').filter({ hasText: 'USCC_CHECK' }).waitFor();
  check(await field('subject.uscc').inputValue() === env('WRONG_USCC'), 'the rejected code is not filled in');
  check(await field('subject.name').inputValue() === '龙岩市新罗区恒达贸易有限公司', 'the name is not filled in');
  await shot('entry-correction');

  step('the form speaks English with the header switch');
  await page.goto(`${base}/entry.html?category=license`);
  await page.locator('#language').click();
  await page.waitForLoadState('load');
  await page.locator('label[for="field-subject-uscc"]', { hasText: 'Unified social credit code' }).waitFor();
  await page.getByRole('heading', { name: 'New record' }).waitFor();
  await page.locator('#language').click();
  await page.waitForLoadState('load');

  console.log(`PAYLOAD ${payloadId}`);
  console.log('PASSED');
} catch (e) {
  console.error(`FAILED: ${e.stack ?? e}`);
  await shot('entry-failure').catch(() => {});
  process.exitCode = 1;
} finally {
  await context.close();
}
