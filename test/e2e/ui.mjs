// What a user sees, in the real workbench driven by Playwright: squiggles in a Dockerfile, the
// Problems panel, the completion list, the "Enable Datadog profiling…" CodeLens with the detected
// runtime preselected, and the walkthrough.
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
    await palette(page, 'Control+P', 'setup/Dockerfile', 'setup');
    const lens = page.locator('.codelens-decoration a', { hasText: 'Enable Datadog profiling' }).first();
    await lens.waitFor({ timeout: 60000 });
    await page.screenshot({ path: join(shots, '3-codelens.png') });
    log('CodeLens offers the setup on a tracer without the profiler');
    await lens.click();
    const detected = page.locator('.quick-input-list .monaco-list-row', { hasText: 'detected' }).first();
    await detected.waitFor({ timeout: 30000 });
    const first = await page.locator('.quick-input-list .monaco-list-row').first().innerText();
    if (!/Python[\s\S]*detected/.test(first)) throw new Error(`the detected runtime is not first: ${first}`);
    await page.screenshot({ path: join(shots, '4-runtime-detected.png') });
    await page.keyboard.press('Enter');
    await page
      .locator('.editor-instance .view-line', { hasText: 'DD_PROFILING_ENABLED=true' })
      .first()
      .waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(shots, '5-profiling-enabled.png') });
    log('Enable Datadog profiling added the setting before CMD, Python preselected');
    await command(page, 'File: Revert File');
    await command(page, 'Welcome: Open Walkthrough');
    await page.keyboard.type('Enable the Datadog Continuous Profiler');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Datadog' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page
      .locator('.gettingStartedContainer', { hasText: 'Enable Datadog profiling' })
      .first()
      .waitFor({ timeout: 30000 });
    await page.screenshot({ path: join(shots, '6-walkthrough.png') });
    log('the walkthrough opens');
  } catch (error) {
    await page.screenshot({ path: join(shots, 'failure.png') }).catch(() => {});
    throw error;
  } finally {
    await browser.close();
  }
}

async function palette(page, key, text, rowText = text) {
  await page.keyboard.press(key);
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible' });
  await input.fill(key === 'F1' ? `>${text}` : text);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: rowText }).first().waitFor();
  await page.keyboard.press('Enter');
}

function command(page, title) {
  return palette(page, 'F1', title);
}
