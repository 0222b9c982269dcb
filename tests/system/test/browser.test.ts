import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { courtPage, launchChromium, logIn, SCREENSHOTS, switchUser } from '../src/browser.js';
import { startWrit, type RunningWrit } from '../src/harness.js';

/**
 * An officer in the browser: logs in, registers a case, watches the found assets arrive, follows the
 * case's flow nodes and its 终本 checklist; then the court president reads the dashboard.
 */
describe('the web UI in headless Chromium', () => {
  let writ: RunningWrit;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    writ = await startWrit();
    browser = await launchChromium();
    page = await courtPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await writ?.stop();
  });

  it('logs in, registers a case and sees its found assets', async () => {
    await page.goto(`${writ.url}/`);
    await logIn(page, 'officer1');
    await page.getByTestId('cases-table').waitFor();

    await page.getByTestId('new-case-button').click();
    await page.getByTestId('basis-document-number').fill('（2025）辽1104民初99号');
    await page.getByTestId('basis-issuing-court').fill('大洼区人民法院');
    await page.getByTestId('basis-effective-date').fill('2025-05-20');
    await page.getByTestId('applicant-0-name').fill('李四');
    await page.getByTestId('applicant-0-id-number').fill('440524188001010014');
    await page.getByTestId('respondent-0-name').fill('张三');
    await page.getByTestId('respondent-0-id-number').fill('11010519491231002X');
    await page.getByTestId('claim-amount-yuan').fill('123456.78');
    await page.getByTestId('register-submit').click();

    const caseNumber = page.getByTestId('case-number');
    await caseNumber.waitFor({ timeout: 30_000 });
    expect(await caseNumber.textContent()).toMatch(/（\d{4}）辽1104执\d+号/);

    await page
      .locator('[data-testid="inquiry-status"][data-status="COMPLETED"]')
      .waitFor({ timeout: 90_000 });
    const rows = page.getByTestId('asset-row');
    await rows.first().waitFor({ timeout: 10_000 });
    expect(await rows.count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(tmpdir(), 'writ-case-detail.png'), fullPage: true });
  });

  it('shows the officer the 财产查控 tab: the inquiry report, the controls within the limit, and a freeze', async () => {
    // the case just registered, its inquiry completed
    await page.getByTestId('case-tab-assets').click();
    const report = page.getByTestId('inquiry-report');
    const rows = report.getByTestId('report-row');
    await rows.first().waitFor({ timeout: 15_000 });
    // one respondent, asked of every kind of agency; none is still pending once the inquiry completed
    expect(await report.getByTestId('report-respondent').count()).toBe(1);
    expect(await report.locator('[data-testid="report-row"][data-status="PENDING"]').count()).toBe(0);
    expect(
      await report
        .locator('[data-testid="report-row"][data-kind="BANK_DEPOSIT"]')
        .getAttribute('data-status'),
    ).toBe('ANSWERED');
    // registered and searched the same day (立案当日启动)
    expect(await page.getByTestId('inquiry-started-on-time').getAttribute('data-state')).toBe('onTime');

    // the over-control limit: at least the claim of ¥123,456.78 plus the execution fee, nothing controlled yet
    const panel = page.getByTestId('controls-panel');
    await panel.getByTestId('control-limit').waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('control-claim').textContent()).toContain('¥123,456.78');
    const limitFen = Number(await panel.getByTestId('control-limit').getAttribute('data-fen'));
    expect(limitFen).toBeGreaterThan(12_345_678);
    expect(Number(await panel.getByTestId('control-controlled').getAttribute('data-fen'))).toBe(0);
    expect(Number(await page.getByTestId('order-limit').getAttribute('data-room'))).toBe(limitFen);

    // a freeze far above the limit: the court refuses it and says how much room is left (查封规定 Art 19)
    await page.getByTestId('control-asset').click();
    await page
      .locator('.ant-select-item-option:not(.ant-select-item-option-disabled)')
      .filter({ hasText: '银行存款' })
      .first()
      .click();
    await page.getByTestId('control-amount-yuan').fill('99999999');
    await page.getByTestId('control-submit').click();
    await page.getByTestId('over-control').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('over-control').textContent()).toContain('超标的查控');
    expect(await panel.getByTestId('control-row').count()).toBe(0);

    // ¥1,000 fits: the freeze goes to the bank and shows in the table
    await page.getByTestId('control-amount-yuan').fill('1000');
    await page.getByTestId('control-submit').click();
    await panel.getByTestId('control-row').first().waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('control-row').count()).toBe(1);
    expect(Number(await panel.getByTestId('control-controlled').getAttribute('data-fen'))).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'writ-case-assets.png'), fullPage: true });
  });

  it('shows a client-side error for a mistyped id number before anything is sent', async () => {
    await page.goto(`${writ.url}/#/cases/new`);
    await page.getByTestId('respondent-0-id-number').fill('110105194912310021');
    await page.getByTestId('register-submit').click();
    await expect(
      page
        .getByText(/校验|check/)
        .first()
        .waitFor({ timeout: 10_000 }),
    ).resolves.toBeUndefined();
    expect(page.url()).toMatch(/#\/cases\/new$/);
  });

  it("shows the officer a registered case's flow nodes and its 终本 checklist with crosses", async () => {
    await page.goto(`${writ.url}/#/cases`);
    await page.getByTestId('cases-table').locator('tbody a').first().click();
    await page.getByTestId('case-number').waitFor({ timeout: 15_000 });

    await page.getByTestId('case-tab-timeline').click();
    const nodes = page.getByTestId('flow-node');
    await nodes.first().waitFor({ timeout: 15_000 });
    expect(await nodes.count()).toBe(11);
    expect(
      await page.locator('[data-testid="flow-node"][data-node="INTAKE"]').getAttribute('data-state'),
    ).toBe('FINISHED');
    expect(await page.locator('[data-testid="flow-node"][data-node="CLOSURE"]').textContent()).toContain(
      '执行结案管理',
    );
    expect(await page.getByTestId('period-deadline').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.getByTestId('period-days-left').textContent()).toMatch(/剩余 \d+ 天/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'writ-case-timeline.png'), fullPage: true });

    await page.getByTestId('case-tab-closure').click();
    const items = page.getByTestId('checklist-item');
    await items.first().waitFor({ timeout: 15_000 });
    expect(await items.count()).toBe(8);
    expect(await page.getByTestId('checklist-cross').count()).toBeGreaterThan(0);
    // registered today: three months have not passed, nor has anyone interviewed the applicant
    for (const code of ['OVER_THREE_MONTHS', 'APPLICANT_INTERVIEWED']) {
      expect(
        await page.locator(`[data-testid="checklist-item"][data-code="${code}"]`).getAttribute('data-met'),
      ).toBe('false');
    }

    // asking for 终本 anyway: the court refuses and names what is missing
    await page.getByTestId('closure-type').click();
    await page.getByTestId('closure-type-option-TERMINATED_THIS_ROUND').click();
    await page.getByTestId('closure-reason').fill('经网络查控未发现可供执行财产');
    await page.getByTestId('closure-submit').click();
    const unmet = page.getByTestId('unmet-item');
    await unmet.first().waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="unmet-item"][data-code="OVER_THREE_MONTHS"]').count()).toBe(1);
    expect(await page.getByTestId('case-status').getAttribute('data-status')).toBe('REGISTERED');
  });

  it('shows the court president the targets and the charts on the dashboard', async () => {
    await switchUser(page, 'leader1');

    await page.getByTestId('dashboard').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('menu-dashboard').isVisible()).toBe(true);
    expect(await page.getByTestId('menu-approvals').isVisible()).toBe(true);
    expect(await page.getByTestId('menu-alerts').count()).toBe(0);

    const targets = page.getByTestId('target');
    await targets.first().waitFor({ timeout: 15_000 });
    expect(await targets.count()).toBe(4);
    const petitions = page.locator('[data-testid="target"][data-target="petitionSettlement"]');
    expect(await petitions.getAttribute('data-state')).toBe('unavailable');
    expect(await petitions.textContent()).toContain('待信访模块提供');
    expect(await page.getByTestId('rate').count()).toBe(5);
    // the leading indicator: the one case of this run was searched on its filing day
    const onTimeRate = page.getByTestId('inquiry-indicator-rate');
    await onTimeRate.waitFor({ timeout: 15_000 });
    expect(await onTimeRate.textContent()).toBe('100.00%');

    await page.getByTestId('chart-monthly').getByRole('application').waitFor({ timeout: 15_000 });
    await page.getByTestId('chart-closures').getByRole('application').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('chart-closures').textContent()).toContain('执行完毕');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'writ-dashboard.png'), fullPage: true });
  });

  it('lets the director change the 快执 ceiling, keeps it across a reload, and refuses a node deadline above the law', async () => {
    await switchUser(page, 'director1');
    await page.getByTestId('cases-table').waitFor({ timeout: 15_000 });

    await page.getByTestId('menu-settings').click();
    const ceiling = page.getByTestId('fast-track-max-yuan');
    await ceiling.waitFor({ timeout: 15_000 });
    const before = await ceiling.inputValue();
    expect(before).toBe('50,000.00');
    expect(await page.getByTestId('settings-updated').textContent()).toContain('尚未修改');

    await ceiling.fill('80000');
    await page.getByTestId('settings-save').click();
    await page.getByText('最近修改：刘局长').waitFor({ timeout: 15_000 });
    await page.reload();
    await ceiling.waitFor({ timeout: 15_000 });
    expect(await ceiling.inputValue()).toBe('80,000.00');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'writ-court-settings.png'), fullPage: true });

    // 执行立案 has 7 days by law (执行工作规定 2020 Art 16): the server refuses 8, named on the field
    await page.getByTestId('node-days-INTAKE').fill('8');
    await page.getByTestId('settings-save').click();
    const intakeError = page.getByTestId('node-INTAKE').locator('.ant-form-item-explain-error');
    await intakeError.waitFor({ timeout: 15_000 });
    expect(await intakeError.textContent()).toContain('法定最长期限');

    // put things back as they were, so the court's triage is the default again
    await page.getByTestId('settings-reset').click();
    await ceiling.fill(before);
    await page.getByTestId('settings-save').click();
    await page.getByText('参数已保存').waitFor({ timeout: 15_000 });
    await page.reload();
    await ceiling.waitFor({ timeout: 15_000 });
    expect(await ceiling.inputValue()).toBe(before);
  });
});
