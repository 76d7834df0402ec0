// Runs suite/index.cjs inside code-server's extension host: the web workbench's `payload` parameter
// (extensionDevelopmentPath + extensionTestsPath) and its `codeAutomationExit` hook, the mechanism
// @vscode/test-web uses. Returns the suite's exit code.
import { launchBrowser, URL_BASE } from './codeServer.mjs';

export async function runExtensionTests(root, workspace, log) {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const authority = new URL(URL_BASE).host;
    let resolveExit;
    const exited = new Promise((resolve) => (resolveExit = resolve));
    await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
    await page.exposeFunction('codeAutomationLog', (_type, args) =>
      log(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')),
    );
    const payload = [
      ['extensionDevelopmentPath', `vscode-remote://${authority}${root}`],
      ['extensionTestsPath', `vscode-remote://${authority}${root}/test/e2e/suite/index.cjs`],
    ];
    await page.goto(
      `${URL_BASE}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    const timeout = new Promise((resolve) => setTimeout(resolve, 180000, 'timeout'));
    const code = await Promise.race([exited, timeout]);
    if (code === 'timeout') throw new Error('extension tests timed out');
    return code;
  } finally {
    await browser.close();
  }
}
