// The same extension tests under Electron VS Code through @vscode/test-electron, for machines that
// can download VS Code (or have it: VSCODE_EXECUTABLE). Where none can be had, it says so and skips.
import { join } from 'node:path';

export async function runElectron(root, workspace, log) {
  const { runTests, downloadAndUnzipVSCode } = await import('@vscode/test-electron');
  let vscodeExecutablePath = process.env.VSCODE_EXECUTABLE;
  if (!vscodeExecutablePath) {
    try {
      vscodeExecutablePath = await Promise.race([
        downloadAndUnzipVSCode({ cachePath: join(root, '.e2e/vscode-test') }),
        new Promise((_, reject) => setTimeout(() => reject(new Error('download timed out')), 20000)),
      ]);
    } catch (error) {
      log(
        `  skipping: VS Code could not be downloaded here (${error instanceof Error ? error.message.split('\n')[0] : error}); the code-server checks above run the same suite in the real extension host. Set VSCODE_EXECUTABLE to run it under Electron.`,
      );
      return 'skip';
    }
  }
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'test/e2e/suite/index.cjs'),
    launchArgs: [workspace, '--disable-extensions', '--no-sandbox'],
  });
  return undefined;
}
