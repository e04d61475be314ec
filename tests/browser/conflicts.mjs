// An operator resolves a conflict in the web console, in a real browser (Debian's chromium driven by playwright-core),
// and the console speaks English at one click: the login page switches language, a page's menu and headings follow.
// Run by ConflictsBrowserIT, which makes the conflict and checks the store and the audit log afterwards. Settings
// come from the environment:
//   CONSOLE_URL      e.g. http://127.0.0.1:41234/console
//   OPERATOR         "user:password" of platform staff (operator)
//   DEPARTMENT_USER  "user:password" of the department whose row became the conflict
//   CONFLICT_ID      the open conflict to resolve; INCOMING_PAYLOAD its payload (of DEPARTMENT_USER's department)
//   BIG_FILE         a file over the console's upload limit (1 MB), SMALL_FILE one under it
//   OUT_DIR          where screenshots go
// Exits 0 when every step passed; otherwise prints the failed step and exits 1.
import { join } from 'node:path';
import { account, check, env, launch, step } from './common.mjs';

const base = env('CONSOLE_URL');
const outDir = env('OUT_DIR');
const conflictId = env('CONFLICT_ID');
const { context, page } = await launch('huiju-conflicts-');
const shot = (name, options = {}) => page.screenshot({ path: join(outDir, `console-${name}.png`), ...options });
const menu = async () => (await page.locator('nav.menu a').allInnerTexts()).map((s) => s.trim());

async function login({ user, password }, button) {
  await page.goto(`${base}/login`);
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/console/submissions.html'));
}

try {
  step('the login page switches to English without a login');
  await page.goto(`${base}/login`);
  await page.locator('#language').click();
  await page.getByRole('heading', { name: 'Huiju · Credit data reporting' }).waitFor();
  check(await page.getByLabel('User name').isVisible(), 'login form not in English');
  check((await page.title()).startsWith('Log in'), `title: ${await page.title()}`);

  step('the operator logs in; menu and headings are English, with the conflicts entry');
  await login(account('OPERATOR'), 'Log in');
  await page.getByRole('heading', { name: 'My submissions' }).waitFor();
  const english = await menu();
  check(JSON.stringify(english) === JSON.stringify(['My submissions', 'Upload', 'New record', 'Monitoring', 'Conflicts']), `menu: ${english}`);
  const headers = await page.locator('#payloads thead th').allInnerTexts();
  check(headers.includes('Received at') && headers.includes('Conflicts'), `table headings: ${headers}`);
  check(!/[\u4e00-\u9fff]/.test(await page.locator('main h1').innerText()), 'a Chinese heading');
  await page.locator('nav.menu').getByRole('link', { name: 'Conflicts' }).click();
  await page.getByRole('heading', { name: 'Conflicts', exact: true }).waitFor();
  await page.getByRole('heading', { name: 'Recently resolved' }).waitFor();
  const englishConflict = page.locator(`article[data-conflict="${conflictId}"]`);
  await englishConflict.waitFor();
  const title = await englishConflict.locator('h2').innerText();
  check(title.startsWith(`Conflict #${conflictId} · Penalty`), `conflict title: ${title}`);
  check(await englishConflict.getByRole('button', { name: 'Resolve' }).isVisible(), 'the form is not in English');
  check(await englishConflict.locator('tr[data-field="details.fineAmount"]', { hasText: 'Fine (10,000 yuan)' }).isVisible(),
    'field names are not in English');
  await shot('conflicts-english');

  step('back in Chinese, the operator sees the conflict with the differing field marked');
  await page.locator('#language').click();
  await page.getByRole('heading', { name: '冲突处理' }).waitFor();
  const conflict = page.locator(`article[data-conflict="${conflictId}"]`);
  await conflict.waitFor();
  const fine = conflict.locator('tr[data-field="details.fineAmount"]');
  check(await fine.evaluate((tr) => tr.classList.contains('differs')), 'the fine is not marked as differing');
  const fineText = await fine.innerText();
  check(fineText.includes('罚款金额') && fineText.includes('0.2') && fineText.includes('5'), `fine row: ${fineText}`);
  const marked = await fine.locator('td').first().evaluate((td) => getComputedStyle(td).backgroundColor);
  check(marked === 'rgb(255, 244, 214)', `the differing row's background is ${marked}`);
  const same = conflict.locator('tr[data-field="subject.name"]');
  check(!(await same.evaluate((tr) => tr.classList.contains('differs'))), 'an equal field is marked as differing');
  await shot('conflicts', { fullPage: true });

  step('a decision without a reason is not sent');
  await conflict.getByLabel(/采用新报送内容/).check();
  await conflict.getByRole('button', { name: '提交处理结果' }).click();
  check(await conflict.locator('textarea').evaluate((t) => !t.validity.valid), 'the empty reason was accepted');
  check(await conflict.locator('.message').isHidden(), 'something was sent without a reason');

  step('the operator keeps the incoming side with a reason and sees the conflict closed');
  // the reason carries a tag and a script: the resolved list must show them as text
  const reason = '执法局的罚款金额以决定书原件为准 <img src=x onerror="window.__xss=1">';
  await conflict.locator('textarea').fill(reason);
  await conflict.getByRole('button', { name: '提交处理结果' }).click();
  await conflict.locator('.message', { hasText: '已处理' }).waitFor();
  const done = await conflict.locator('.message').innerText();
  check(done.includes('采用新报送内容') && done.includes('v2'), `message: ${done}`);
  check(await conflict.getByRole('button', { name: '提交处理结果' }).isDisabled(), 'the form can be sent again');
  const resolvedRow = page.locator(`#resolved tr[data-conflict="${conflictId}"]`);
  await resolvedRow.waitFor();
  check((await resolvedRow.innerText()).includes(reason), `resolved row: ${await resolvedRow.innerText()}`);
  check((await page.locator('#resolved img').count()) === 0, 'an <img> from the reason became an element');
  check((await page.evaluate(() => window.__xss)) === undefined, 'script from the reason ran');
  await conflict.scrollIntoViewIfNeeded();
  await shot('conflicts-resolved');

  step('a reload no longer lists it as open');
  await page.reload();
  await page.locator(`#resolved tr[data-conflict="${conflictId}"]`).waitFor();
  check((await page.locator(`article[data-conflict="${conflictId}"]`).count()) === 0, 'still listed as open');
  await page.locator('#logout').click();
  await page.waitForURL((url) => url.pathname.endsWith('/console/login'));

  step('the department user has no conflicts entry, is refused the page, and sees the outcome on its payload');
  await login(account('DEPARTMENT_USER'), '登录');
  const departmentMenu = await menu();
  check(!departmentMenu.includes('冲突处理'), `department menu: ${departmentMenu}`);
  const refused = await page.goto(`${base}/conflicts.html`);
  check(refused.status() === 403, `the conflicts page answered ${refused.status()} to a department user`);
  await page.goto(`${base}/payloads/${encodeURIComponent(env('INCOMING_PAYLOAD'))}`);
  await page.locator('#conflict-rows tbody tr', { hasText: '已采用本批次内容' }).waitFor();
  await shot('payload-conflict-outcome');

  step('a file over the limit is refused on the upload page with the reason, before it is sent');
  await page.locator('nav.menu').getByRole('link', { name: '上传' }).click();
  await page.waitForURL((url) => url.pathname.endsWith('/console/upload.html'));
  await page.locator('#templates a').first().waitFor();
  await page.locator('#file').setInputFiles(env('BIG_FILE'));
  await page.getByRole('button', { name: '上传' }).click();
  await page.locator('#progress.error', { hasText: '文件超过控制台允许的大小（1 MB）' }).waitFor();
  check(await page.locator('#receipt').isHidden(), 'a receipt for a refused file');
  await shot('upload-too-large');

  step('a double click on 上传 sends the file once');
  await page.locator('#file').setInputFiles(env('SMALL_FILE'));
  await page.locator('#mapping').selectOption('national-penalty'); // zf has no default mapping in the tests
  await page.getByRole('button', { name: '上传' }).dblclick();
  await page.locator('#receipt-status .status-DONE').waitFor();
  console.log(`UPLOADED ${(await page.locator('#receipt-link').textContent()).trim()}`);

  console.log('PASSED');
} catch (e) {
  console.error(`FAILED: ${e.stack ?? e}`);
  await shot('conflicts-failure').catch(() => {});
  process.exitCode = 1;
} finally {
  await context.close();
}
