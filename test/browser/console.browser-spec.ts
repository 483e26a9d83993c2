import type { Browser, Page } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CASE_CODE_PATTERN, lifecycleOf, type Role } from '@donthu/domain';
import { navFor } from '../../apps/web/src/auth/navigation';
import { webConsoleDir } from '../../apps/api/src/web-console/serve-web-console';
import { launchChromium, newOfficerContext, screenshot } from '../support/browser';
import { receivedOnFor } from '../support/clock-dates';
import { startStack, type Stack } from '../support/stack';
import { startTemporalDevServer, type TestWorkflowEnvironment } from '../support/temporal-environment';

/**
 * The web console in a real browser (Debian's Chromium, headless) against the real stack: the api
 * serving the built console, the worker, a Temporal dev server and a throw-away database. Each
 * role logs in through the login screen; cases are registered through the intake form, acted on
 * through the case page, tracked through the public tracking page.
 */

let temporal: TestWorkflowEnvironment;
let stack: Stack;
let browser: Browser;
let baseUrl: string;

const PASSWORD = process.env.DEMO_PASSWORD ?? 'donthu-demo';
const COMPLAINT_RULE = lifecycleOf('complaint').onRegister.start![0]!.rule;

async function loginAs(role: Role, agency: string, viewport?: { width: number; height: number }): Promise<Page> {
  const context = await newOfficerContext(browser, viewport);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập').fill(`demo.${role}.${agency}`);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('current-user').waitFor();
  return page;
}

/** The api directly, as a demo user (test setup only: what the browser does goes through the screens). */
async function apiAs(role: Role, agency: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: `demo.${role}.${agency}`, password: PASSWORD }) });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T>(url: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${url}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Picks in a select by its accessible name (the label; a required field's " *" is aria-hidden). */
async function pick(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

interface Petition {
  kind: string;
  subject: string;
  content: string;
  petitioner: string;
  phone: string;
}

/** Fills the intake form as an officer would, and waits for the live deadline preview. */
async function fillIntake(page: Page, petition: Petition): Promise<void> {
  await page.getByTestId('nav-intake').click();
  await pick(page, 'Loại', petition.kind);
  await page.getByLabel('Trích yếu').fill(petition.subject);
  await page.getByRole('textbox', { name: 'Nội dung', exact: true }).fill(petition.content);
  await page.getByLabel('Họ và tên').first().fill(petition.petitioner);
  await page.getByLabel('Số điện thoại').first().fill(petition.phone);
  await page.getByTestId('deadline-preview').first().locator('b').waitFor();
}

async function receipt(page: Page): Promise<{ code: string; secret: string }> {
  await page.waitForURL(/\/receipt\//);
  return { code: (await page.getByTestId('receipt-code').innerText()).trim(), secret: (await page.getByTestId('receipt-secret').innerText()).trim() };
}

/** Registers through the intake form (screening finds nothing); returns the receipt's code and secret. */
async function registerThroughIntake(page: Page, petition: Petition): Promise<{ code: string; secret: string }> {
  await fillIntake(page, petition);
  await page.getByRole('button', { name: 'Tiếp nhận và in phiếu' }).click();
  return receipt(page);
}

const LETTER: Petition = { kind: 'Đơn thư (chưa phân loại)', subject: 'Đơn phản ánh việc lấn chiếm vỉa hè', content: 'Phản ánh việc lấn chiếm vỉa hè trước số 5 phố Hàng Đào.', petitioner: 'Phạm Thị Lan', phone: '0912000001' };
const COMPLAINT: Petition = {
  kind: 'Khiếu nại lần đầu',
  subject: 'Khiếu nại quyết định thu hồi đất số 12/QĐ-UBND',
  content: 'Tôi không đồng ý với mức bồi thường khi Nhà nước thu hồi đất của gia đình tôi theo quyết định số 12/QĐ-UBND.',
  petitioner: 'Nguyễn Văn Bình',
  phone: '0912000002',
};

beforeAll(async () => {
  if (!existsSync(path.join(webConsoleDir(), 'index.html'))) throw new Error(`the web console is not built at ${webConsoleDir()}: npm run build:web`);
  temporal = await startTemporalDevServer();
  stack = await startStack(temporal);
  await stack.api.listen(0, '127.0.0.1');
  baseUrl = `http://127.0.0.1:${(stack.api.getHttpServer().address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await temporal?.teardown();
});

describe('the web console', () => {
  const letter = { code: '', secret: '' };
  const complaint = { code: '', secret: '' };

  it('serves the console at / with the SPA fallback, and leaves /api, /docs and /health to the api', async () => {
    const deepLink = await fetch(`${baseUrl}/cases/UBND-HN-2026-000001`);
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<div id="root">');
    const unknownApi = await fetch(`${baseUrl}/api/v1/no-such-route`);
    expect(unknownApi.status).toBe(404);
    expect(unknownApi.headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${baseUrl}/health`)).headers.get('content-type')).toContain('application/json');
    expect(await (await fetch(`${baseUrl}/docs/openapi.json`)).json()).toHaveProperty('openapi');
  });

  it.each([
    ['intake_officer', 'UBND-HN'],
    ['agency_head', 'UBND-HN'],
    ['inspector', 'TTR-HN'],
    ['admin', 'CP'],
  ] as const)('shows %s only the screens of its role', async (role, agency) => {
    const page = await loginAs(role, agency);
    const expected = navFor(role).map((item) => `nav-${item.key}`);
    const shown = await page.locator('[data-testid^="nav-"]').evaluateAll((links) => links.map((l) => l.getAttribute('data-testid')));
    expect(shown).toEqual([...expected, 'nav-track']);
    // A screen outside the role's menu is not reachable by URL either.
    await page.goto(`${baseUrl}${role === 'admin' ? '/intake' : '/admin/users'}`);
    await page.waitForURL((url) => url.pathname === navFor(role)[0]!.path);
    await page.context().close();
  });

  it('lets an intake officer register a letter and print a receipt with its tracking code and secret', async () => {
    const page = await loginAs('intake_officer', 'UBND-HN');
    await page.getByTestId('nav-intake').click();
    await page.getByTestId('deadline-preview').first().locator('b').waitFor();
    await screenshot(page, '02-intake');
    Object.assign(letter, await registerThroughIntake(page, LETTER));
    expect(letter.code).toMatch(CASE_CODE_PATTERN);
    expect(letter.secret).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await expect(page.getByTestId('receipt-deadline').innerText()).resolves.toMatch(/\d{2}\/\d{2}\/\d{4}/);
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, '03-receipt-print');
    expect(await page.getByTestId('nav-inbox').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    // The case exists as the receipt says.
    const row = await stack.dataSource.query(`SELECT kind, agency_code FROM cases WHERE code = $1`, [letter.code]);
    expect(row).toEqual([{ kind: 'letter', agency_code: 'UBND-HN' }]);
    await page.context().close();
  });

  it('lets the agency head accept a complaint from the case page, and the timeline shows it', async () => {
    const intake = await loginAs('intake_officer', 'UBND-HN');
    Object.assign(complaint, await registerThroughIntake(intake, COMPLAINT));
    await intake.context().close();

    const head = await loginAs('agency_head', 'UBND-HN');
    await head.getByTestId(`case-row-${complaint.code}`).getByRole('link').click();
    await head.getByTestId('clock-acceptance').getByTestId('clock-explanation').waitFor();
    expect(await head.getByTestId('clock-acceptance').getByTestId('clock-explanation').innerText()).toMatch(/Điều|Bộ luật/);
    await head.getByTestId('action-accept').click();
    await head.getByTestId('action-form-accept').getByRole('button', { name: 'Xác nhận' }).click();
    await head.locator('[data-testid="case-status"][data-status="accepted"]').waitFor();
    await head.locator('[data-testid="timeline-item"][data-type="case.accepted"]').waitFor();
    // Accepting started the resolution clock, shown with its own explanation.
    await head.getByTestId('clock-resolution').waitFor();
    await screenshot(head, '04-case-accepted');

    // The denouncer's or complainant's identity stays hidden until revealed with a reason (audited).
    expect(await head.getByText('Nguyễn Văn Bình').count()).toBe(0);
    await head.getByRole('button', { name: 'Xem danh tính' }).click();
    await head.getByLabel('Lý do cần xem danh tính').fill('Liên hệ người khiếu nại để bổ sung tài liệu');
    await head.getByRole('button', { name: 'Xem và ghi nhật ký' }).click();
    await head.getByTestId('revealed-parties').getByText('Nguyễn Văn Bình').waitFor();
    await head.context().close();
  });

  it('warns of a possible duplicate before saving, and registers only when the officer confirms', async () => {
    const page = await loginAs('intake_officer', 'UBND-HN');
    await fillIntake(page, COMPLAINT);
    await page.getByRole('button', { name: 'Tiếp nhận và in phiếu' }).click();
    const warnings = page.getByTestId('screening-warnings');
    await warnings.waitFor();
    expect(await warnings.innerText()).toContain(complaint.code);
    expect(await warnings.locator('[data-finding="possible_duplicate"]').count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/intake');
    await screenshot(page, '02b-intake-duplicate-warning');
    await page.getByRole('button', { name: 'Đã xem cảnh báo, vẫn tiếp nhận' }).click();
    const second = await receipt(page);
    expect(second.code).not.toBe(complaint.code);
    await page.context().close();
  });

  it('badges cases received long ago as due soon or overdue, nearest deadline first, and counts them on the inspectorate dashboard', async () => {
    const register = await apiAs('intake_officer', 'UBND-HN');
    const body = (subject: string, receivedOn: string) => ({ kind: 'complaint', agencyCode: 'UBND-HN', channel: 'post', receivedOn, subject, content: 'Đơn nhập muộn để thử cảnh báo thời hạn.', petitioner: { fullName: 'Lê Văn Muộn' } });
    const overdue = await register<{ code: string }>('/api/v1/cases', body('Đơn nhận từ lâu (quá hạn)', receivedOnFor(COMPLAINT_RULE, 'overdue')));
    const dueSoon = await register<{ code: string }>('/api/v1/cases', body('Đơn sắp đến hạn', receivedOnFor(COMPLAINT_RULE, 'due_soon')));
    // The workflow records the overdue milestone on its own, right after it starts.
    await until('the overdue milestone', async () => ((await register<{ overdue: boolean }>(`/api/v1/cases/${overdue.code}`)).overdue ? true : undefined));

    const head = await loginAs('agency_head', 'UBND-HN');
    await head.locator(`[data-testid="case-row-${overdue.code}"] [data-testid="deadline-badge"][data-state="overdue"]`).waitFor();
    await head.locator(`[data-testid="case-row-${dueSoon.code}"] [data-testid="deadline-badge"][data-state="due_soon"]`).waitFor();
    const order = await head.locator('[data-testid^="case-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
    expect(order.indexOf(`case-row-${overdue.code}`)).toBeLessThan(order.indexOf(`case-row-${dueSoon.code}`));
    await screenshot(head, '01-inbox');
    // Search without diacritics, as officers type: only the matching case stays.
    await head.getByTestId('inbox-search').fill('sap den han');
    await head.getByTestId(`case-row-${overdue.code}`).waitFor({ state: 'detached' });
    await head.getByTestId(`case-row-${dueSoon.code}`).waitFor();
    await head.context().close();

    const inspector = await loginAs('inspector', 'TTR-HN');
    await inspector.getByTestId('nav-dashboard').click();
    await inspector.getByTestId('dashboard-agencies').getByText('UBND-HN').first().waitFor();
    expect(Number(await inspector.getByTestId('total-overdue').innerText())).toBeGreaterThanOrEqual(1);
    expect(Number(await inspector.getByTestId('total-dueSoon').innerText())).toBeGreaterThanOrEqual(1);
    await inspector.locator('.recharts-surface').first().waitFor();
    // Escalation status: the overdue complaint has had at least its reminder (step 1); its agency's row opens the clocks with their step.
    const escalation = inspector.locator('[data-testid="dashboard-escalation"] tr[data-agency="UBND-HN"]');
    await escalation.waitFor();
    const steps = (await escalation.locator('td').allInnerTexts()).slice(1, 4).map(Number);
    expect(steps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1);
    await escalation.getByRole('button', { name: 'Xem danh sách' }).click();
    await inspector.getByTestId('overdue-clocks-UBND-HN').getByRole('link', { name: overdue.code }).waitFor();
    // Monthly trend: a line chart and its table; the cases registered above were received within the last twelve months.
    await inspector.getByTestId('dashboard-trend').locator('.recharts-surface').waitFor();
    const received = (await inspector.getByTestId('trend-table').locator('tbody tr').first().locator('td').allInnerTexts()).map(Number);
    expect(received).toHaveLength(12);
    expect(received.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(2);
    await screenshot(inspector, '05-dashboard');
    // Drill-down: the agency's overdue cases in the inbox.
    await inspector.getByTestId('dashboard-agencies').getByRole('link').first().click();
    await inspector.getByTestId(`case-row-${overdue.code}`).waitFor();
    expect(await inspector.getByTestId(`case-row-${dueSoon.code}`).count()).toBe(0);
    await inspector.context().close();
  });

  it('lets the inspectorate generate a periodic report and download it as XLSX and CSV', async () => {
    const page = await loginAs('inspector', 'TTR-HN');
    await page.getByTestId('nav-reports').click();
    await pick(page, 'Cơ quan báo cáo', 'Ủy ban nhân dân thành phố Hà Nội (UBND-HN)');
    await page.getByTestId('generate-report').click();
    const row = page.getByTestId('report-row').first();
    await row.waitFor();
    expect(await row.innerText()).toContain('UBND-HN');
    for (const format of ['XLSX', 'CSV']) {
      const [file] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: format }).click()]);
      expect(file.suggestedFilename()).toMatch(new RegExp(`^bao-cao-UBND-HN-\\d{4}-q1\\.${format.toLowerCase()}$`));
      expect((await file.createReadStream()).readable).toBe(true);
    }
    await screenshot(page, '09-reports');
    await page.context().close();
  });

  it('lets a citizen track a case with the code and secret of the receipt, without logging in', async () => {
    const context = await newOfficerContext(browser, { width: 820, height: 1180 }); // a tablet
    const page = await context.newPage();
    await page.goto(`${baseUrl}/track?code=${complaint.code}`);
    await page.getByLabel('Mã bí mật').fill('AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.getByText('Không tìm thấy hồ sơ với mã và mã bí mật này').waitFor();
    await page.getByLabel('Mã bí mật').fill(complaint.secret);
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await page.locator('[data-testid="track-status"][data-status="accepted"]').waitFor();
    expect(await page.getByTestId('track-deadline').innerText()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(await page.getByTestId('track-milestones').innerText()).toContain('Đã thụ lý');
    // Nothing personal on the public page.
    expect(await page.getByText('Nguyễn Văn Bình').count()).toBe(0);
    await screenshot(page, '06-tracking-tablet');
    await context.close();
  });

  it('switches to English and shows the admin screens', async () => {
    const page = await loginAs('admin', 'CP');
    await page.getByText('English').click();
    await page.getByTestId('nav-rules').getByText('Legal rule table').waitFor();
    await page.getByTestId('rules-table').getByText(COMPLAINT_RULE, { exact: true }).waitFor();
    await screenshot(page, '07-rules-en');
    await page.getByTestId('nav-calendar').click();
    await page.getByTestId('calendar-days-off').waitFor();
    await screenshot(page, '08-calendar-en');
    await page.getByText('Tiếng Việt').click();
    await page.getByTestId('nav-users').getByText('Người dùng').waitFor();

    // Create a user: the browser's own checks first, then saved and listed; the same username again is refused by the api, on its field.
    await page.getByTestId('nav-users').click();
    await page.getByTestId('users-table').waitFor();
    const fillUser = async (username: string, password: string) => {
      await page.getByRole('button', { name: 'Thêm người dùng' }).click();
      const form = page.getByTestId('user-create-form');
      await form.getByLabel('Tên đăng nhập').fill(username);
      await form.getByLabel('Họ và tên').fill('Trần Văn Quản Trị');
      await pick(page, 'Cơ quan', 'UBND-HN — Ủy ban nhân dân thành phố Hà Nội');
      await form.getByLabel('Thư điện tử nhận thông báo').fill('quantri@hanoi.gov.vn');
      await form.getByLabel('Mật khẩu').fill(password);
      await form.getByRole('button', { name: 'Lưu' }).click();
      return form;
    };
    const form = await fillUser('Tran Van', 'ngan');
    await form.getByText('3–64 chữ thường, số, dấu chấm, gạch ngang hoặc gạch dưới').waitFor();
    await form.getByText('Ít nhất 12 ký tự').waitFor();
    await form.getByLabel('Tên đăng nhập').fill('tran.van.quan.tri');
    await form.getByLabel('Mật khẩu').fill('mat-khau-du-12-ky-tu');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.waitFor({ state: 'detached' });
    const created = page.getByTestId('users-table').locator('tr', { hasText: 'tran.van.quan.tri' });
    await created.waitFor();
    expect(await created.innerText()).toContain('quantri@hanoi.gov.vn');
    expect(await created.innerText()).toContain('UBND-HN');
    const again = await fillUser('tran.van.quan.tri', 'mat-khau-du-12-ky-tu');
    await again.getByText('already exists').waitFor();
    await again.getByRole('button', { name: 'Hủy' }).click();
    await again.waitFor({ state: 'detached' });
    await screenshot(page, '10-users');
    await page.context().close();
  });
});
