// What a user sees, in the real workbench driven by Playwright: squiggles in a Dockerfile, the
// Problems panel, the completion list, and "Insert profiler setup…" from the command palette.
// Screenshots go to .e2e/screenshots/.
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { launchBrowser, URL_BASE } from './codeServer.mjs';

export async function runUiTest(root, workspace, shots, log) {
  mkdirSync(shots, { recursive: true });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const authority = new URL(URL_BASE).host;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${root}`]];
  try {
    await page.goto(
      `${URL_BASE}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    await page.locator('.monaco-workbench').waitFor({ timeout: 90000 });
    await page.locator('.explorer-folders-view .monaco-list-row[aria-label*="Dockerfile"]').waitFor({ timeout: 60000 });
    await palette(page, 'Control+P', 'Dockerfile');
    await page.locator('.tabs-container .tab[aria-label*="Dockerfile"]').waitFor();
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: 60000 });
    await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor({ timeout: 30000 });
    log('squiggles shown');
    await command(page, 'View: Focus Problems');
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: 'DD_PROFILING_ENABLE' })
      .first()
      .waitFor({ timeout: 30000 });
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: 'read as false' })
      .first()
      .waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(shots, '1-problems.png') });
    log('Problems panel lists the findings');
    await page.locator('.editor-instance .view-line', { hasText: 'DD_PROFILING_ENABLE=' }).first().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('ENV DD_PROFILING_ALLOC');
    await page.keyboard.press('Control+Space');
    await page
      .locator('.suggest-widget .monaco-list-row', { hasText: 'DD_PROFILING_ALLOCATION_ENABLED' })
      .first()
      .waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(shots, '2-completion.png') });
    log('completion list shown');
    await page.keyboard.press('Escape');
    await command(page, 'File: Revert File');
    await command(page, 'View: Close All Editors');
    await command(page, 'Datadog Profiler: Insert profiler setup');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Java' }).first().waitFor();
    await page.keyboard.type('Java');
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .view-line', { hasText: '-javaagent' }).first().waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(shots, '3-insert-setup.png') });
    log('Insert profiler setup inserted the Java setup');
  } catch (error) {
    await page.screenshot({ path: join(shots, 'failure.png') }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

async function palette(page, key, text) {
  await page.keyboard.press(key);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(key === 'F1' ? `>${text}` : text);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().waitFor();
  await page.keyboard.press('Enter');
}

function command(page, title) {
  return palette(page, 'F1', title);
}
