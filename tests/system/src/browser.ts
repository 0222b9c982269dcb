import { tmpdir } from 'node:os';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core; another binary through CHROMIUM_PATH. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
export const SCREENSHOTS = process.env['WRIT_SCREENSHOT_DIR'] ?? tmpdir();

/** Every demo account's password (README, demo accounts). */
const DEMO_PASSWORD = 'writ-demo-2026';

/** Headless Chromium; playwright gives each launch a fresh, empty profile of its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/** A page as a court's browser has it: set to Chinese, so native date inputs then read YYYY/MM/DD. */
export function courtPage(browser: Browser): Promise<Page> {
  return browser.newPage({ locale: 'zh-CN', viewport: { width: 1366, height: 900 } });
}

/** Logs a demo user in on the login page the page shows. */
export async function logIn(page: Page, username: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
}

/** Logs the current user out and another demo user in. */
export async function switchUser(page: Page, username: string): Promise<void> {
  await page.getByTestId('logout').click();
  await logIn(page, username);
}

/**
 * Waits for what an agency's answer changes, refreshing the page (F5) as a user does: the case page
 * stops polling once the inquiry has completed, so a control's later answer shows on the next load.
 */
export async function reloadUntilVisible(page: Page, target: Locator, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await target.first().waitFor({ timeout: 3_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await page.reload();
  }
}

/**
 * Chooses `text` in an Ant Design select, clicking again when the dropdown's opening animation swallowed
 * the first click (the select then still shows what it showed before).
 */
export async function pickOption(page: Page, select: Locator, text: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const option = page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: text });
    await option.first().waitFor({ state: 'visible', timeout: 15_000 });
    await option.first().click();
    const shown = await select.textContent();
    if (shown?.includes(text) || attempt === 3) return;
  }
}
