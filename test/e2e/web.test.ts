import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, chromium, type Page } from 'playwright-core';
import request from 'supertest';
import { addDays, shanghaiDay } from '../../libs/clock';
import { type Http, signedIn } from '../setup/http';
import { useE2eStack } from '../setup/e2e-stack';

const root = path.resolve(__dirname, '../..');
const SHOTS = path.join(root, '.data', 'screenshots');
// Debian's chromium (.ci/run installs it), never a downloaded browser.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// A made-up plan with one measure for an agency few other suites use, so its task heads the list.
const AGENCY = '市数据局';
const text = (tag: string) => `天津市关于${tag}的工作方案
一、重点任务
（一）推进${tag}数据共享。建设困境儿童信息平台。（${AGENCY}负责）
`;

/** The web app over the real stack (API serving the built app, worker, Temporal, PostgreSQL), in Debian Chromium. */
describe('the web app in a real browser', () => {
  const stack = useE2eStack('web');
  let browser: Browser;
  let coordinator: Http;
  let title: string;
  let docTitle: string;
  let taskId: string;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
    coordinator = await signedIn(stack.base, 'coordinator');
    ({ title, docTitle, taskId } = await launchOne());
  });

  /** Imports and launches a one-measure plan for AGENCY, due in 6 days; answers its task once issued. */
  const launchOne = async () => {
    const tag = `数据${randomUUID().slice(0, 6)}`;
    const doc = (
      await coordinator
        .post('/documents')
        .send({ text: text(tag) })
        .expect(201)
    ).body as { id: string };
    const dueDate = addDays(shanghaiDay(new Date()), 6);
    await coordinator.post(`/documents/${doc.id}/launch`).send({ dueDate }).expect(202);
    let id = '';
    await stack.waitFor('the task issued', async () => {
      const res = await coordinator.get('/tasks').query({ documentId: doc.id });
      const items = (res.body as { items: { id: string; state: string }[] }).items;
      id = items[0]?.id;
      return items.length === 1 && items[0].state === 'issued';
    });
    return { title: `推进${tag}数据共享`, docTitle: `天津市关于${tag}的工作方案`, taskId: id };
  };

  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh browser context (its own storage) signed in as username, on a phone-sized or desktop screen. */
  const signIn = async (username: string, viewport = { width: 1280, height: 800 }): Promise<Page> => {
    // Reduced motion: antd then skips its transitions, so axe never measures a colour mid-fade.
    const context = await browser.newContext({
      viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(stack.base);
    await page.getByLabel('用户名').fill(username);
    await page
      .getByLabel('密码')
      .fill((username === 'admin' ? process.env.ADMIN_PASSWORD : process.env.DEMO_PASSWORD)!);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    return page;
  };
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  /** No serious or critical axe violations on the screen as it stands. */
  const accessible = async (page: Page, screen: string) => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('; ')})`,
      );
    expect({ screen, serious }).toEqual({ screen, serious: [] });
  };

  it('serves the app for any path outside /api, the API under /api, and keeps CORS closed', async () => {
    const page = await request(stack.base).get('/tasks/some-task').expect(200);
    expect(page.text).toContain('<div id="root"></div>');
    const api = await request(stack.base).get('/api/tasks').expect(401);
    expect(api.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await request(stack.base).get('/api/nothing-here')).status).toBe(404);
    const other = await request(stack.base).get('/api/tasks').set('Origin', 'https://elsewhere.example');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('has API types generated from the document the API serves (npm run web:api-types)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'duban-web-'));
    const doc = path.join(dir, 'openapi.json');
    writeFileSync(doc, (await request(stack.base).get('/api/docs/openapi.json').expect(200)).text);
    const out = path.join(dir, 'schema.d.ts');
    execFileSync(process.execPath, [path.join(root, 'scripts', 'web-api-types.mjs'), doc, out], { stdio: 'ignore' });
    const committedPath = path.join(root, 'apps', 'web', 'src', 'api', 'schema.d.ts');
    // UPDATE_API_TYPES=1 rewrites the committed file from the served document (after an API change).
    if (process.env.UPDATE_API_TYPES) writeFileSync(committedPath, readFileSync(out, 'utf8'));
    const committed = readFileSync(committedPath, 'utf8');
    expect(committed === readFileSync(out, 'utf8')).toBe(true);
  });

  it('shows a wrong password with the API’s Chinese message', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${stack.base}/login`);
    await page.getByLabel('用户名').fill('coordinator');
    await page.getByLabel('密码').fill('not-the-password-1');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: '用户名或密码' }));
    await accessible(page, '登录');
    await shot(page, 'login');
    await context.close();
  });

  it('liaison (375 px): 我的待办, 签收, 报告进展, 提交办结 with a file; coordinator returns; liaison resubmits; coordinator accepts', async () => {
    const liaison = await signIn(`liaison.${AGENCY}`, { width: 375, height: 812 });
    await expectVisible(liaison.getByRole('heading', { name: '我的待办' }));
    await liaison.getByText(/^待签收 \d+$/).click();
    const link = liaison.getByRole('link', { name: new RegExp(title) });
    await expectVisible(link);
    await accessible(liaison, '我的待办');
    await shot(liaison, 'liaison-todo');
    // No horizontal scrolling on a phone.
    expect(Number(await liaison.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(375);

    await link.click();
    await liaison.getByRole('button', { name: '签收' }).click();
    await expectVisible(liaison.getByText('已签收'));
    await liaison.getByLabel('进展情况').fill('已完成平台需求调研，正在开发。');
    await liaison.getByRole('button', { name: '报告进展' }).click();
    await expectVisible(liaison.getByText('进展已报告'));
    await expectVisible(liaison.getByText('已完成平台需求调研，正在开发。'));

    await liaison.getByLabel('办结情况说明').fill('信息平台已上线运行。');
    await liaison.locator('input[type=file]').setInputFiles({
      name: '平台上线报告.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'),
    });
    await expectVisible(liaison.getByText('平台上线报告.pdf').first());
    await liaison.getByRole('button', { name: '提交办结' }).click();
    await expectVisible(liaison.getByText('已提交办结，等待督办员审核。'));
    await accessible(liaison, '任务详情（联络员）');
    await shot(liaison, 'liaison-task');

    const desk = await signIn('coordinator');
    await expectVisible(desk.getByRole('heading', { name: '工作台' }));
    const submitted = desk.getByRole('table', { name: '待审核' }).getByRole('link', { name: new RegExp(title) });
    await expectVisible(submitted);
    await accessible(desk, '工作台');
    await shot(desk, 'coordinator-desk');
    await submitted.click();
    await expectVisible(desk.getByRole('button', { name: '平台上线报告.pdf' }));
    await desk.getByLabel('退回理由').fill('请补充平台运行数据。');
    await desk.getByRole('button', { name: '退回' }).click();
    await expectVisible(desk.getByText('已退回'));

    await liaison.goto(`${stack.base}/todo`);
    await liaison.getByText(/^被退回/).click();
    await liaison.getByRole('link', { name: new RegExp(title) }).click();
    await expectVisible(liaison.getByText('请补充平台运行数据。'));
    await liaison.getByLabel('办结情况说明').fill('已补充平台运行数据：接入12个部门。');
    await liaison.getByRole('button', { name: '提交办结' }).click();
    await expectVisible(liaison.getByText('已提交办结，等待督办员审核。'));

    await desk.goto(`${stack.base}/tasks/${taskId}`);
    await desk.getByRole('button', { name: '通过' }).click();
    await expectVisible(desk.getByText('已审核通过'));
    await accessible(desk, '任务详情（督办员）');
    await shot(desk, 'coordinator-task');
    const done = await coordinator.get(`/tasks/${taskId}`).expect(200);
    expect(done.body).toMatchObject({ state: 'accepted' });
  }, 240_000);

  it('liaison: 全部签收 and 一次报告 for all of an agency’s tasks of a document (最多报一次)', async () => {
    const tag = `批量${randomUUID().slice(0, 6)}`;
    const docTitle = `天津市关于${tag}的工作方案`;
    const plan = `${docTitle}\n一、重点任务\n（一）加强${tag}监测。（市疾控局负责）\n（二）开展${tag}宣传。（市疾控局负责）\n`;
    const doc = (await coordinator.post('/documents').send({ text: plan }).expect(201)).body as { id: string };
    await coordinator
      .post(`/documents/${doc.id}/launch`)
      .send({ dueDate: addDays(shanghaiDay(new Date()), 20) })
      .expect(202);
    const states = async () =>
      (
        (await coordinator.get('/tasks').query({ documentId: doc.id })).body as { items: { state: string }[] }
      ).items.map((t) => t.state);
    await stack.waitFor('both tasks issued', async () => (await states()).join() === 'issued,issued');

    const page = await signIn('liaison.市疾控局', { width: 375, height: 812 });
    const group = page.getByRole('group', { name: `《${docTitle}》市疾控局` });
    await expectVisible(group.getByText('待签收 2 项，办理中 0 项'));
    await group.getByRole('button', { name: '全部签收' }).click();
    await expectVisible(page.getByText('已办理 2 项任务'));
    await expectVisible(group.getByText('待签收 0 项，办理中 2 项'));
    await group.getByLabel(/本期进展/).fill('两项工作均已启动。');
    await group.getByRole('button', { name: '一次报告' }).click();
    await stack.waitFor('progress on both tasks', async () => {
      const items = (
        (await coordinator.get('/tasks').query({ documentId: doc.id })).body as { items: { id: string }[] }
      ).items;
      const details = await Promise.all(items.map((t) => coordinator.get(`/tasks/${t.id}`)));
      return details.every((d) =>
        (d.body as { history: { type: string }[] }).history.some((e) => e.type === 'progress'),
      );
    });
    await shot(page, 'liaison-batch');
  });

  it('leader: 驾驶舱 shows completion and lights; writes a 批示 on a running task', async () => {
    const running = await launchOne();
    const page = await signIn('leader');
    await expectVisible(page.getByRole('heading', { name: '驾驶舱' }));
    await expectVisible(page.getByText(/已办结 \d+ \/ \d+ 项任务/));
    await expectVisible(page.getByRole('table', { name: '各单位灯色' }));
    await accessible(page, '驾驶舱');
    await shot(page, 'leader-cockpit');
    await page.goto(`${stack.base}/tasks/${running.taskId}`);
    await page.getByLabel('批示内容').fill('平台建设成效明显，请总结推广。');
    await page.getByRole('button', { name: '批示', exact: true }).click();
    await expectVisible(page.getByText('批示已送达'));
    const res = await coordinator.get(`/tasks/${running.taskId}`).expect(200);
    const history = (res.body as { history: { type: string }[] }).history;
    expect(history.map((e) => e.type)).toContain('instruction');
  });

  it('coordinator: 导入 (paste, warnings, map an unknown party), confirm, 下发 with a preview', async () => {
    const tag = `导入${randomUUID().slice(0, 6)}`;
    const page = await signIn('coordinator');
    await page.getByRole('menuitem', { name: '导入文件' }).click();
    await page
      .getByLabel('文件全文')
      .fill(
        `天津市关于${tag}的工作方案\n一、重点任务\n（一）健全${tag}机制。建立联席会议制度。（市民政局负责）\n（二）加强${tag}保障。统筹安排经费。（某某局负责）\n`,
      );
    await page.getByRole('button', { name: '解析预览' }).click();
    await expectVisible(page.getByText('（二） 的责任单位“某某局”不在单位名录中'));
    await expectVisible(page.locator('mark').filter({ hasText: '（某某局负责）' }));
    await accessible(page, '导入');
    await shot(page, 'coordinator-import');
    const map = page.getByRole('combobox', { name: '将“某某局”对应到单位' });
    await map.click();
    await map.fill('市财政局');
    await page.keyboard.press('Enter');
    await expectVisible(page.getByText('所有责任单位均已对应到名录中的单位，可以确认导入。'));
    await expectVisible(page.getByText('市财政局（共同负责）'));
    await page.getByRole('button', { name: '确认导入' }).click();
    await expectVisible(page.getByText('文件已导入'));
    await page.getByRole('button', { name: '去下发' }).click();
    await expectVisible(page.getByRole('heading', { name: new RegExp(`下发：天津市关于${tag}`) }));
    await page.getByRole('button', { name: '预览' }).click();
    await expectVisible(page.getByRole('table', { name: '各项措施的截止日期' }).getByText(`（二） 加强${tag}保障`));
    await accessible(page, '下发');
    await shot(page, 'coordinator-launch');
    await page.getByRole('button', { name: '下发', exact: true }).click();
    await expectVisible(page.getByText('已下发', { exact: true }));
  }, 120_000);

  it('coordinator: 转办 a running task to another agency, then sees the new task', async () => {
    const running = await launchOne();
    const page = await signIn('coordinator');
    await expectVisible(page.getByRole('heading', { name: '工作台' }));
    await page.goto(`${stack.base}/tasks/${running.taskId}`);
    const to = page.getByLabel('承接单位');
    await to.click();
    await to.fill('市财政局');
    await page.keyboard.press('Enter');
    await page.getByLabel('转办理由').fill('职责调整，由市财政局承办。');
    await page.getByRole('button', { name: '转办', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.endsWith(running.taskId));
    await expectVisible(page.getByText(/^市财政局（/));
    const old = await coordinator.get(`/tasks/${running.taskId}`).expect(200);
    expect(old.body).toMatchObject({ state: 'reassigned' });
  });

  it('我的账户: contact details, a deputy set and ended, the password changed (then signed out)', async () => {
    const admin = await signedIn(stack.base, 'admin');
    const users = (await admin.get('/users').expect(200)).body as {
      id: string;
      username: string;
      agencies: { id: string }[];
    }[];
    const colleague = users.find((u) => u.username === `liaison.${AGENCY}`)!;
    const username = `web.${randomUUID().slice(0, 8)}`;
    const password = 'WebTest2026first';
    await admin
      .post('/users')
      .send({
        username,
        displayName: `${AGENCY} 王联络员`,
        password,
        roles: ['liaison'],
        agencyIds: [colleague.agencies[0].id],
      })
      .expect(201);
    const context = await browser.newContext({
      locale: 'zh-CN',
      reducedMotion: 'reduce',
      viewport: { width: 375, height: 812 },
    });
    const page = await context.newPage();
    const signInAs = async (pw: string) => {
      await page.goto(`${stack.base}/login`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(pw);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await expectVisible(page.getByRole('heading', { name: '我的待办' }));
    };
    await signInAs(password);
    await page.getByRole('menuitem', { name: '我的账户' }).click();
    await page.getByLabel('电子邮箱').fill('wang@example.gov.cn');
    await page.getByLabel('电话').fill('022-23456789');
    await page.getByRole('button', { name: '保存联系方式' }).click();
    await expectVisible(page.getByText('当前：邮箱 wang@example.gov.cn，电话 022-23456789'));

    await page.getByLabel('代理人用户 ID').fill(colleague.id);
    await page.getByPlaceholder('开始日期').fill(shanghaiDay(new Date()));
    await page.getByPlaceholder('结束日期').fill(addDays(shanghaiDay(new Date()), 4));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '设置代理人' }).click();
    await expectVisible(page.getByText(/代理 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/));
    await page.getByRole('button', { name: '结束代理' }).click();
    await expectVisible(page.getByText('代理已结束'));
    await accessible(page, '我的账户');
    await shot(page, 'account');

    await page.getByLabel('当前密码').fill('not-my-password-1');
    await page.getByLabel('新密码', { exact: true }).fill('WebTest2026second');
    await page.getByLabel('确认新密码').fill('WebTest2026second');
    await page.getByRole('button', { name: '修改密码' }).click();
    await expectVisible(page.getByRole('alert').filter({ hasText: '原密码错误' }));
    await page.getByLabel('当前密码').fill(password);
    await page.getByRole('button', { name: '修改密码' }).click();
    // exact: 「退出登录」 would match a bare 「登录」 while still signed in.
    await expectVisible(page.getByRole('button', { name: '登录', exact: true }));
    await signInAs('WebTest2026second');
    await page.getByRole('button', { name: '退出登录' }).click();
    await expectVisible(page.getByRole('button', { name: '登录', exact: true }));
    await context.close();
  });

  it('admin: 工作日历 lists the years and previews a pasted State Council notice (not loaded: the calendar is shared)', async () => {
    const page = await signIn('admin');
    await expectVisible(page.getByRole('heading', { name: '工作日历' }));
    await expectVisible(page.getByRole('table', { name: '已有年度' }).getByRole('cell', { name: '2026', exact: true }));
    const notice = readFileSync(path.join(root, 'test', 'fixtures', 'holiday-notices', '2026.txt'), 'utf8');
    await page.getByLabel('放假安排通知全文').fill(notice);
    await page.getByRole('button', { name: '预览' }).click();
    await expectVisible(page.getByText('预览：2026年'));
    await expectVisible(page.getByText('没有变化'));
    await expectVisible(page.getByText(/2月15日（春节）/));
    await accessible(page, '工作日历');
    await shot(page, 'admin-calendar');
  });

  it('督办台账: documents with their exports, and one document’s tasks filtered, sorted, paged and exported', async () => {
    const page = await signIn('coordinator');
    await page.getByRole('menuitem', { name: '督办台账' }).click();
    await expectVisible(page.getByRole('heading', { name: '督办台账' }));
    const whole = page.waitForEvent('download');
    await page.getByRole('button', { name: `下载《${docTitle}》台账 CSV` }).click();
    expect((await whole).suggestedFilename()).toMatch(/\.csv$/);

    await page.getByRole('button', { name: docTitle, exact: true }).click();
    const ledger = page.getByRole('table', { name: '任务台账' });
    await expectVisible(page.getByText(`任务台账：${docTitle}`));
    const state = page.getByRole('combobox', { name: '办理状态' });
    await state.click();
    await state.fill('已办结');
    await page.keyboard.press('Enter');
    await expectVisible(ledger.getByRole('link', { name: new RegExp(title) }));
    await page.getByRole('switch', { name: '只看逾期' }).click();
    await expectVisible(ledger.getByText('没有符合条件的任务。请调整筛选条件。'));
    await accessible(page, '督办台账');
    await shot(page, 'coordinator-ledger');
    const filtered = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    expect((await filtered).suggestedFilename()).toMatch(/\.xlsx$/);
  });
});

async function expectVisible(locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 30_000 });
}
