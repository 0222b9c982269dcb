import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CaseDetail,
  CaseMoneyView,
  DistributionPlanView,
  ListDepositsReply,
  ListJournalReply,
  ListSuspenseReply,
  ReceiptView,
  SearchLedgerCasesReply,
} from '@writ/contracts';
import { eventually } from '@writ/platform';
import type { Browser, Page } from 'playwright-core';
import { caseApplication, WritApi } from '../src/api-client.js';
import { courtPage, launchChromium, logIn, SCREENSHOTS, switchUser } from '../src/browser.js';
import { startWrit, type RunningWrit } from '../src/harness.js';

/**
 * The fund office (案款管理员) in the browser: matches money waiting in suspense to its case (认领), reverses
 * a wrong receipt from the journal (冲正), records a bidder's deposit and refunds it, and proposes a
 * distribution plan (参与分配) that a creditor objects to and the director decides. Each step is checked
 * on the page and against the HTTP API.
 */
describe('the fund office’s screens in headless Chromium', () => {
  let writ: RunningWrit;
  let browser: Browser;
  let page: Page;
  let fund: WritApi;
  let registered: CaseDetail;
  /** 执<n>号: the part of the case number the fund manager types to find it */
  let numberPart: string;

  const caseMoney = async (): Promise<CaseMoneyView> =>
    (await fund.call<CaseMoneyView>('GET', `/api/cases/${registered.id}/money`)).body;

  beforeAll(async () => {
    writ = await startWrit();
    fund = new WritApi(writ.url);
    await fund.login('fund1');
    const officer = new WritApi(writ.url);
    await officer.login('officer1');
    const response = await officer.call<CaseDetail>('POST', '/api/cases', caseApplication(), {
      'Idempotency-Key': `fund-office-${randomUUID()}`,
    });
    expect(response.status).toBe(201);
    registered = response.body;
    numberPart = /执\d+号/.exec(registered.caseNumber)![0];
    // the ledger learns the case from case.registered
    await eventually(
      async () =>
        (
          await fund.call<SearchLedgerCasesReply>(
            'GET',
            `/api/ledger/cases?q=${encodeURIComponent(numberPart)}`,
          )
        ).body,
      (reply) => reply.items?.some((c) => c.caseId === registered.id) ?? false,
      'the ledger to learn the case',
      30_000,
    );
    browser = await launchChromium();
    page = await courtPage(browser);
    await page.goto(`${writ.url}/`);
    await logIn(page, 'fund1');
    await page.getByTestId('cases-table').waitFor({ timeout: 15_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await writ?.stop();
  });

  /** Picks the case in a case picker by typing part of its number. */
  async function pickCase(testId: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.keyboard.type(numberPart);
    await page.getByTestId(`${testId}-option`).filter({ hasText: registered.caseNumber }).click();
  }

  it('records money that came without a case and matches part of it to the case (认领)', async () => {
    await page.getByTestId('menu-suspense').click();
    await page.getByTestId('suspense-table').waitFor({ timeout: 15_000 });

    await page.getByTestId('record-unmatched').click();
    await page.getByTestId('unmatched-amount-yuan').fill('8000');
    await page.getByTestId('unmatched-memo').fill('张三转账，附言无案号');
    await page.getByTestId('record-unmatched-ok').click();
    const row = page.getByTestId('suspense-row').filter({ hasText: '张三转账，附言无案号' });
    await row.waitFor({ timeout: 15_000 });
    expect(await row.getAttribute('data-remaining-fen')).toBe('800000');

    // 认领 of ¥5,000.00 of it to the case, found by its number
    await row.getByTestId('match-suspense').click();
    await pickCase('match-case');
    await page.getByTestId('match-amount-yuan').fill('5000');
    await page.getByTestId('match-suspense-ok').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: 15_000 });
    await page
      .locator('[data-testid="suspense-row"][data-remaining-fen="300000"]')
      .filter({ hasText: '张三转账，附言无案号' })
      .waitFor({ timeout: 15_000 });
    expect(await row.getByTestId('suspense-remaining').textContent()).toBe('¥3,000.00');
    expect(await page.getByTestId('suspense-total').getAttribute('data-fen')).toBe('300000');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'writ-suspense.png'), fullPage: true });

    const suspense = (await fund.call<ListSuspenseReply>('GET', '/api/ledger/suspense')).body;
    expect(suspense.items).toEqual([
      expect.objectContaining({ amountFen: 800_000, matchedFen: 500_000, remainingFen: 300_000 }),
    ]);
    expect(suspense.totalRemainingFen).toBe(300_000);
    expect(await caseMoney()).toMatchObject({ receivedFen: 500_000, heldFen: 500_000 });
  });

  it('reverses a wrong receipt from the journal (冲正); the receipt then shows as reversed', async () => {
    const wrong = await fund.call<ReceiptView>(
      'POST',
      '/api/ledger/receipts',
      {
        caseId: registered.id,
        amountFen: 123_400,
        source: 'VOLUNTARY',
        receivedOn: registered.filingDate,
        memo: '误录：应为他案款项',
      },
      { 'Idempotency-Key': `wrong-${randomUUID()}` },
    );
    expect(wrong.status).toBe(201);
    expect((await caseMoney()).receivedFen).toBe(623_400);

    await page.getByTestId('menu-journal').click();
    const original = page.locator(
      `[data-testid="journal-row"][data-transaction-id="${wrong.body.transactionId}"]`,
    );
    await original.waitFor({ timeout: 15_000 });
    expect(await original.getAttribute('data-reversed')).toBe('false');
    expect(await original.textContent()).toContain('¥1,234.00');

    await original.getByTestId('reverse-transaction').click();
    await page.getByTestId('reverse-reason').fill('款项属于他案，录入错误');
    await page.getByTestId('reverse-transaction-ok').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: 15_000 });
    await page
      .locator(
        `[data-testid="journal-row"][data-transaction-id="${wrong.body.transactionId}"][data-reversed="true"]`,
      )
      .waitFor({ timeout: 15_000 });
    expect(await original.getByTestId('journal-reversed').textContent()).toBe('已冲正');
    // reversed once: no 冲正 button on it, nor on the reversal
    expect(await original.getByTestId('reverse-transaction').count()).toBe(0);
    const reversal = page
      .locator('[data-testid="journal-row"][data-kind="REVERSAL"]')
      .filter({ hasText: '款项属于他案，录入错误' });
    expect(await reversal.count()).toBe(1);
    expect(await reversal.getByTestId('reverse-transaction').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'writ-journal.png'), fullPage: true });

    const journal = (await fund.call<ListJournalReply>('GET', '/api/ledger/journal?page=1&pageSize=50')).body;
    const reversed = journal.items.find((t) => t.id === wrong.body.transactionId)!;
    expect(reversed.reversedById).toBeDefined();
    expect(journal.items.find((t) => t.id === reversed.reversedById)).toMatchObject({
      kind: 'REVERSAL',
      correctsId: wrong.body.transactionId,
      memo: '款项属于他案，录入错误',
    });
    expect(await caseMoney()).toMatchObject({ receivedFen: 500_000, heldFen: 500_000 });
  });

  it('records a bidder’s deposit for a lot and refunds it', async () => {
    const lotId = `LOT-${randomUUID().slice(0, 8)}`;
    await page.getByTestId('menu-deposits').click();
    await page.getByTestId('lot-id').fill(lotId);
    await page.getByTestId('lot-open').click();
    const lot = page.getByTestId('lot-deposits');
    await lot.getByText('暂无保证金').waitFor({ timeout: 15_000 });

    await page.getByTestId('hold-deposit').click();
    await pickCase('deposit-case');
    await page.getByTestId('deposit-bidder-name').fill('钱竞买');
    await page.getByTestId('deposit-bidder-id').fill('210103199001011234');
    await page.getByTestId('deposit-amount-yuan').fill('20000');
    await page.getByTestId('hold-deposit-ok').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: 15_000 });
    const deposit = lot.locator('[data-testid="deposit-row"][data-bidder-id="210103199001011234"]');
    await deposit.and(page.locator('[data-status="HELD"]')).waitFor({ timeout: 15_000 });
    expect(await deposit.textContent()).toContain('¥20,000.00');

    await deposit.getByTestId('refund-deposit').click();
    await page.getByTestId('refund-bank-serial').fill('ICBC20261128002');
    await page.getByTestId('refund-deposit-ok').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: 15_000 });
    await deposit.and(page.locator('[data-status="REFUNDED"]')).waitFor({ timeout: 15_000 });
    expect(await deposit.getByTestId('deposit-status').textContent()).toContain('已退还');
    expect(await deposit.getByTestId('refund-deposit').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'writ-deposits.png'), fullPage: true });

    const deposits = (
      await fund.call<ListDepositsReply>('GET', `/api/ledger/lots/${encodeURIComponent(lotId)}/deposits`)
    ).body;
    expect(deposits.items).toEqual([
      expect.objectContaining({
        caseId: registered.id,
        bidderName: '钱竞买',
        amountFen: 2_000_000,
        status: 'REFUNDED',
        refundedAt: expect.any(String),
      }),
    ]);
    const held = await fund.call<{ balanceFen: number }>(
      'GET',
      `/api/ledger/accounts/${encodeURIComponent(`DEPOSIT:${lotId}:210103199001011234`)}/balance`,
    );
    expect(held.body.balanceFen).toBe(0);
  });

  it('proposes a distribution plan on the money tab; an objection is recorded and the director dismisses it', async () => {
    await page.goto(`${writ.url}/#/cases/${registered.id}/money`);
    const card = page.getByTestId('money-plan');
    await card.getByTestId('plan-none').waitFor({ timeout: 15_000 });

    // the applicant is filled in; a second, ordinary creditor is added
    await card.getByTestId('propose-plan').click();
    expect(await page.getByTestId('plan-claim-0-name').inputValue()).toBe('盘锦某某商贸有限公司');
    await page.getByTestId('plan-claim-0-yuan').fill('3000');
    await page.getByTestId('plan-claim-add').click();
    await page.getByTestId('plan-claim-1-name').fill('辽宁某建材有限公司');
    await page.getByTestId('plan-claim-1-id').fill('91211100MA0Y8X1234');
    await page.getByTestId('plan-claim-1-yuan').fill('1000');
    await page.getByTestId('propose-plan-ok').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: 15_000 });
    await card.getByTestId('plan-status').and(page.locator('[data-status="OBJECTION_WINDOW"]')).waitFor();
    expect(await card.getByTestId('plan-allocation').count()).toBe(2);

    await card.getByTestId('object-plan').click();
    await page.getByTestId('plan-objector').locator('input').fill('辽宁某建材有限公司');
    await page.getByTestId('plan-objection-reason').fill('债权数额计算有误');
    await page.getByTestId('object-plan-ok').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: 15_000 });
    const objection = card.getByTestId('plan-objection');
    await objection.and(page.locator('[data-status="OPEN"]')).waitFor({ timeout: 15_000 });
    // only the director decides
    expect(await card.getByTestId('decide-plan-objection').count()).toBe(0);

    await switchUser(page, 'director1');
    await page.getByTestId('cases-table').waitFor({ timeout: 15_000 });
    await page.goto(`${writ.url}/#/cases/${registered.id}/money`);
    await card.getByTestId('decide-plan-objection').click();
    await page.getByTestId('plan-decision-text').fill('债权数额有生效判决确认，异议不成立');
    await page.getByTestId('decide-plan-objection-ok').click();
    await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: 15_000 });
    await objection.and(page.locator('[data-status="DISMISSED"]')).waitFor({ timeout: 15_000 });
    expect(await objection.textContent()).toContain('异议不成立');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'writ-distribution.png'), fullPage: true });

    const plan = (await fund.call<DistributionPlanView>('GET', `/api/cases/${registered.id}/distribution`))
      .body;
    expect(plan.allocations.map((a) => [a.creditorName, a.claimFen])).toEqual([
      ['盘锦某某商贸有限公司', 300_000],
      ['辽宁某建材有限公司', 100_000],
    ]);
    expect(plan.amountFen).toBe(500_000);
    expect(plan.objections).toEqual([
      expect.objectContaining({ objector: '辽宁某建材有限公司', status: 'DISMISSED' }),
    ]);
  });
});
