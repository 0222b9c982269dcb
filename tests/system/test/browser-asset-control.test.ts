import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  courtPage,
  launchChromium,
  logIn,
  pickOption,
  reloadUntilVisible,
  SCREENSHOTS,
  switchUser,
} from '../src/browser.js';
import { startWrit, type RunningWrit } from '../src/harness.js';

/** The province's own source the director adds (点对点), its records held like deposits. */
const PROVINCIAL_KIND = {
  code: 'LN_PROVIDENT_EXTRA',
  nameZh: '辽宁省补充住房公积金',
  nameEn: 'Supplementary housing fund',
};

/**
 * The respondent of the case: the sandbox's agencies answer reproducibly from the id number, and for
 * this one they report three bank accounts (one of ¥30,700.68), two flats no other court holds (one
 * valued ¥315,000.00) and one supplementary-fund account.
 */
const RESPONDENT = { name: '王建国', idNumber: '211104198508150251' };

/**
 * Asset control in the browser: the director adds a provincial 查控渠道 that a new case's inquiry then
 * asks; the officer freezes deposits and asks to release them before the claim is paid, which waits
 * for the director's 查控审批; and the officer seizes a flat and hands it over to auction (移交拍卖).
 */
describe('asset control in the web UI in headless Chromium', () => {
  let writ: RunningWrit;
  let browser: Browser;
  let page: Page;
  let caseNumber: string;

  beforeAll(async () => {
    writ = await startWrit();
    browser = await launchChromium();
    page = await courtPage(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await writ?.stop();
  });

  /** The officer opens the case from the case list, on its 财产查控 tab. */
  async function openAssetsTab(): Promise<void> {
    await page.getByTestId('cases-table').getByRole('link', { name: caseNumber }).click();
    await page.getByTestId('case-number').waitFor({ timeout: 15_000 });
    await page.getByTestId('case-tab-assets').click();
    await page.getByTestId('controls-panel').getByTestId('control-limit').waitFor({ timeout: 15_000 });
  }

  it('lets the director add a provincial 查控渠道 that a newly registered case is then searched through', async () => {
    await page.goto(`${writ.url}/`);
    await logIn(page, 'director1');
    await page.getByTestId('cases-table').waitFor({ timeout: 15_000 });
    await page.getByTestId('menu-settings').click();

    // the national 总对总 catalog, read from asset-control
    const channels = page.getByTestId('agency-kinds');
    const vessel = channels.locator('tr[data-row-key="VESSEL"]');
    await vessel.waitFor({ timeout: 15_000 });
    expect(await vessel.textContent()).toContain('船舶');
    expect(await vessel.textContent()).toContain('全国（总对总）');
    expect(await channels.locator('tr[data-row-key="HOUSING_FUND"]').textContent()).toContain('住房公积金');
    expect(await channels.locator(`tr[data-row-key="${PROVINCIAL_KIND.code}"]`).count()).toBe(0);

    // a province's own source: money in accounts, kept for natural persons only
    await page.getByTestId('agency-kind-code').fill(PROVINCIAL_KIND.code);
    await page.getByTestId('agency-kind-name').fill(PROVINCIAL_KIND.nameZh);
    await channels.getByLabel('英文名称').fill(PROVINCIAL_KIND.nameEn);
    await pickOption(
      page,
      channels.locator('.ant-form-item').filter({ hasText: '财产类别' }).locator('.ant-select'),
      '存款类',
    );
    await channels.getByLabel('法人或其他组织').uncheck();
    await page.getByTestId('agency-kind-save').click();
    await page.getByText('查控渠道已保存').waitFor({ timeout: 15_000 });

    const added = channels.locator(`tr[data-row-key="${PROVINCIAL_KIND.code}"]`);
    await added.waitFor({ timeout: 15_000 });
    const addedText = await added.textContent();
    expect(addedText).toContain(PROVINCIAL_KIND.nameZh);
    expect(addedText).toContain('本省（点对点）');
    expect(addedText).toContain('存款类');
    expect(addedText).toContain('自然人');
    expect(addedText).not.toContain('法人或其他组织');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'writ-agency-kinds.png'), fullPage: true });

    // the officer registers a case: its inquiry asks the new source as well
    await switchUser(page, 'officer1');
    await page.getByTestId('cases-table').waitFor({ timeout: 15_000 });
    await page.getByTestId('new-case-button').click();
    await page.getByTestId('basis-document-number').fill('（2025）辽1104民初188号');
    await page.getByTestId('basis-issuing-court').fill('大洼区人民法院');
    await page.getByTestId('basis-effective-date').fill('2025-09-12');
    await page.getByTestId('applicant-0-name').fill('李四');
    await page.getByTestId('applicant-0-id-number').fill('440524188001010014');
    await page.getByTestId('respondent-0-name').fill(RESPONDENT.name);
    await page.getByTestId('respondent-0-id-number').fill(RESPONDENT.idNumber);
    await page.getByTestId('claim-amount-yuan').fill('1000000');
    await page.getByTestId('register-submit').click();
    await page.getByTestId('case-number').waitFor({ timeout: 30_000 });
    caseNumber = (await page.getByTestId('case-number').textContent()) ?? '';
    expect(caseNumber).toMatch(/（\d{4}）辽1104执\d+号/);

    await page
      .locator('[data-testid="inquiry-status"][data-status="COMPLETED"]')
      .waitFor({ timeout: 90_000 });
    // the overview names what the source found as the catalog names the source, not by its code
    await page
      .getByTestId('assets-table')
      .getByTestId('asset-row')
      .filter({ hasText: PROVINCIAL_KIND.nameZh })
      .waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('inquiries-table').textContent()).not.toContain(PROVINCIAL_KIND.code);

    await page.getByTestId('case-tab-assets').click();
    const report = page.getByTestId('inquiry-report');
    const provincial = report
      .locator(`[data-testid="report-row"][data-kind="${PROVINCIAL_KIND.code}"]`)
      .filter({ hasText: PROVINCIAL_KIND.nameZh });
    await provincial.waitFor({ timeout: 15_000 });
    expect(await provincial.getAttribute('data-status')).toBe('ANSWERED');
    expect(await provincial.textContent()).toContain('查得 1 项');
    // the national sources are asked as before
    expect(
      await report
        .locator('[data-testid="report-row"][data-kind="HOUSING_FUND"]')
        .getAttribute('data-status'),
    ).toBe('ANSWERED');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'writ-provincial-report.png'), fullPage: true });
  });

  it('holds the release of a freeze before payment for the director, who approves it; the freeze is released', async () => {
    // still the officer, on the case's 财产查控 tab: freeze ¥20,000 of the account holding ¥30,700.68
    const panel = page.getByTestId('controls-panel');
    await panel.getByTestId('control-limit').waitFor({ timeout: 15_000 });
    await page.getByTestId('control-asset').click();
    await page
      .locator('.ant-select-item-option:not(.ant-select-item-option-disabled)')
      .filter({ hasText: '银行存款' })
      .filter({ hasText: '¥30,700.68' })
      .click();
    await page.getByTestId('control-amount-yuan').fill('20000');
    await page.getByTestId('control-submit').click();
    const freeze = panel.getByTestId('control-row').filter({ hasText: '冻结' });
    await freeze.waitFor({ timeout: 15_000 });
    await reloadUntilVisible(page, freeze.locator('[data-testid="control-status"][data-status="EFFECTIVE"]'));
    expect(await freeze.getByTestId('control-amount').textContent()).toBe('¥20,000.00');

    // the claim is not paid: releasing the whole freeze gives up the applicant's security
    await freeze.getByTestId('release-control').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('理由').fill('被执行人提供担保，申请解除冻结');
    await page.getByTestId('release-control-ok').click();
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
    const pending = freeze.getByTestId('control-pending-approval');
    await pending.waitFor({ timeout: 15_000 });
    expect(await pending.getAttribute('data-action')).toBe('RELEASE');
    expect(await pending.textContent()).toContain('待审批');
    // the order is not sent: the freeze stays in force until the director decides
    expect(await freeze.getByTestId('control-status').getAttribute('data-status')).toBe('EFFECTIVE');

    // the director sees the request in 查控审批 and approves it
    await switchUser(page, 'director1');
    await page.getByTestId('cases-table').waitFor({ timeout: 15_000 });
    await page.getByTestId('menu-approvals').click();
    const request = page
      .getByTestId('control-approvals-table')
      .getByTestId('control-approval-row')
      .filter({ hasText: caseNumber });
    await request.waitFor({ timeout: 15_000 });
    expect(await request.textContent()).toContain('执行完毕前解除');
    expect(await request.textContent()).toContain('officer1');
    await request.getByTestId('approve-control').click();
    await page.getByTestId('approve-control-ok').click();
    await page.getByText('已批准').first().waitFor({ timeout: 15_000 });
    await request.waitFor({ state: 'detached', timeout: 15_000 });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'writ-control-approvals.png'), fullPage: true });

    // the release went to the bank: the officer sees the freeze released
    await switchUser(page, 'officer1');
    await page.getByTestId('cases-table').waitFor({ timeout: 15_000 });
    await openAssetsTab();
    const released = panel.getByTestId('control-row').filter({ hasText: '冻结' });
    await reloadUntilVisible(
      page,
      released.locator('[data-testid="control-status"][data-status="RELEASED"]'),
    );
    expect(await released.getByTestId('control-status').textContent()).toContain('已解除');
    expect(await released.getByTestId('control-pending-approval').count()).toBe(0);
  });

  it('lets the officer seize a flat found and hand it over to auction', async () => {
    // still the officer on the 财产查控 tab: the flat valued ¥315,000.00 is held by no other court
    const panel = page.getByTestId('controls-panel');
    await page.getByTestId('control-asset').click();
    await page
      .locator('.ant-select-item-option:not(.ant-select-item-option-disabled)')
      .filter({ hasText: '不动产' })
      .filter({ hasText: '¥315,000.00' })
      .click();
    // real estate is seized (查封), chosen for the officer with the asset
    expect(await page.getByTestId('control-kind').textContent()).toContain('查封');
    await page.getByTestId('control-submit').click();
    const seizure = panel.getByTestId('control-row').filter({ hasText: '查封' });
    await seizure.waitFor({ timeout: 15_000 });
    await reloadUntilVisible(
      page,
      seizure.locator('[data-testid="control-status"][data-status="EFFECTIVE"]'),
    );

    await seizure.getByTestId('hand-to-auction').click();
    await page.getByRole('dialog').getByText('每项财产只移交一次').waitFor({ timeout: 15_000 });
    await page.getByTestId('hand-to-auction-ok').click();
    const handedOver = seizure.getByTestId('control-handed-to-auction');
    await handedOver.waitFor({ timeout: 15_000 });
    expect(await handedOver.textContent()).toContain('已移交拍卖');
    // handed over once: the button is gone, the seizure stays in force for the sale
    expect(await seizure.getByTestId('hand-to-auction').count()).toBe(0);
    expect(await seizure.getByTestId('control-status').getAttribute('data-status')).toBe('EFFECTIVE');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'writ-hand-to-auction.png'), fullPage: true });
  });
});
