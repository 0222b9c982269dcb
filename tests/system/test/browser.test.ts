import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startWrit, type RunningWrit } from '../src/harness.js';

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// playwright gives each launch a fresh, empty profile of its own
/** An officer in the browser: logs in, registers a case, and watches the found assets arrive. */
describe('the web UI in headless Chromium', () => {
  let writ: RunningWrit;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    writ = await startWrit();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await writ?.stop();
  });

  it('logs in, registers a case and sees its found assets', async () => {
    await page.goto(`${writ.url}/`);
    await page.getByTestId('login-username').fill('officer1');
    await page.getByTestId('login-password').fill('writ-demo-2026');
    await page.getByTestId('login-submit').click();
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
});
