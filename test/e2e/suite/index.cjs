// Extension tests that run INSIDE the real VS Code extension host (code-server's, or Electron's via
// @vscode/test-electron): the @vscode/test-electron `run()` contract. Each check polls with a deadline.
const vscode = require('vscode');
const assert = require('node:assert/strict');
const path = require('node:path');
const fs = require('node:fs');

async function until(what, probe, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const tests = {
  async 'diagnostics for a Dockerfile reach the Problems panel'(ws) {
    const uri = vscode.Uri.file(path.join(ws, 'Dockerfile'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diags = await until('diagnostics', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'dd-profiler-config');
      return d.length >= 2 && d;
    });
    const codes = diags.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)).sort();
    assert.deepEqual(codes, ['invalid-value', 'unknown-setting']);
  },
  async 'diagnostics for a .env file'(ws) {
    const uri = vscode.Uri.file(path.join(ws, '.env'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diags = await until(
      'diagnostics',
      () => vscode.languages.getDiagnostics(uri).length > 0 && vscode.languages.getDiagnostics(uri),
    );
    assert.match(diags[0].message, /DD_PROFILING_ENABLED/);
  },
  async 'formats read with tree-sitter: Terraform and Go (grammars load from the built extension)'(ws) {
    const expected = { 'main.tf': 'DD_PROFILING_ENABLE', 'main.go': 'profiler.GoroutinesProfile' };
    for (const [file, name] of Object.entries(expected)) {
      const uri = vscode.Uri.file(path.join(ws, file));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const diags = await until(`${file} diagnostics`, () => {
        const d = vscode.languages.getDiagnostics(uri).filter((x) => x.source === 'dd-profiler-config');
        return d.length > 0 && d;
      });
      assert.deepEqual(
        diags.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)),
        ['unknown-setting'],
        file,
      );
      assert.match(diags[0].message, new RegExp(name.replace('.', '\\.')), file);
    }
    const tf = vscode.Uri.file(path.join(ws, 'main.tf'));
    const list = await vscode.commands.executeCommand(
      'vscode.executeCompletionItemProvider',
      tf,
      new vscode.Position(6, 27),
    );
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('DD_PROFILING_ENABLED'), `Terraform completion: ${labels.slice(0, 5).join(', ')}`);
  },
  async 'completion offers DD_PROFILING_ENABLED'(ws) {
    const uri = vscode.Uri.file(path.join(ws, 'Dockerfile'));
    const list = await until('completion', async () => {
      const l = await vscode.commands.executeCommand(
        'vscode.executeCompletionItemProvider',
        uri,
        new vscode.Position(3, 10),
      );
      return l && l.items.length > 0 && l;
    });
    assert.ok(
      list.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'DD_PROFILING_ENABLED'),
    );
  },
  async 'hover shows the description'(ws) {
    const uri = vscode.Uri.file(path.join(ws, 'Dockerfile'));
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(4, 8));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Turns the continuous profiler on or off/);
  },
  async 'a rename fix onto a name already set removes the line instead'(ws) {
    const uri = vscode.Uri.file(path.join(ws, 'Dockerfile'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diag = await until('the unknown-setting diagnostic', () =>
      vscode.languages.getDiagnostics(uri).find((d) => String(d.code.value ?? d.code) === 'unknown-setting'),
    );
    const actions = await vscode.commands.executeCommand(
      'vscode.executeCodeActionProvider',
      uri,
      diag.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix, 'a preferred quick fix');
    assert.match(fix.title, /^Remove this line \(`DD_PROFILING_ENABLED` is already set on line 5\)$/);
    assert.ok(!actions.some((a) => /^Change to `DD_PROFILING_ENABLED`/.test(a.title)), 'no rename into a duplicate');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.equal(doc.lineAt(3).text, '    DD_PROFILING_ENABLED=yes');
    await until(
      'diagnostic gone',
      () => !vscode.languages.getDiagnostics(uri).some((d) => String(d.code.value ?? d.code) === 'unknown-setting'),
    );
    assert.ok(
      !vscode.languages.getDiagnostics(uri).some((d) => String(d.code.value ?? d.code) === 'duplicate-setting'),
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  },
  async 'a CodeLens offers the setup on a tracer setup without the profiler'(ws) {
    const uri = vscode.Uri.file(path.join(ws, 'setup/Dockerfile'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const lenses = await until('the CodeLens', async () => {
      const l = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
      return l && l.length > 0 && l;
    });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command && l.command.title, l.command && l.command.command]),
      [[4, 'Enable Datadog profiling…', 'ddProfilerConfig.enableProfiling']],
    );
  },
  async 'Enable Datadog profiling edits each format in place'(ws) {
    const root = path.join(__dirname, '..');
    const cases = JSON.parse(fs.readFileSync(path.join(root, 'setupCases.json'), 'utf8'));
    for (const c of cases) {
      const uri = vscode.Uri.file(path.join(ws, c.file));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const result = await vscode.commands.executeCommand('ddProfilerConfig.enableProfiling', uri.toString(), {
        runtime: c.runtime,
        target: c.target,
        applyChanges: true,
      });
      assert.ok(result && result.added.length + result.changed.length > 0, `${c.file}: ${JSON.stringify(result)}`);
      const expected = fs.readFileSync(path.join(root, 'setupExpected', c.file), 'utf8');
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(doc.getText(), expected, c.file);
      // That this text is clean by our rules is checked by test/setup/e2eExpected.test.ts.
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  },
  async 'the walkthrough opens'() {
    await vscode.commands.executeCommand(
      'workbench.action.openWalkthrough',
      'dd-profiler-config.dd-profiler-config#ddProfilerConfig.gettingStarted',
      false,
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  },
  async 'Validate workspace checks files that are not open'(ws) {
    const result = await vscode.commands.executeCommand('ddProfilerConfig.validateWorkspace');
    assert.ok(result && result.files >= 1, `checked ${JSON.stringify(result)}`);
    const compose = vscode.Uri.file(path.join(ws, 'docker-compose.yml'));
    const diags = await until(
      'compose diagnostics',
      () => vscode.languages.getDiagnostics(compose).length > 0 && vscode.languages.getDiagnostics(compose),
    );
    assert.equal(String(diags[0].code.value ?? diags[0].code), 'yaml-value-type');
  },
};

exports.run = async function run() {
  const ws = vscode.workspace.workspaceFolders[0].uri.fsPath;
  // Startup: from here (the extension is activating) to the first diagnostics of an opened Dockerfile.
  const started = Date.now();
  await until('extension active', async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON.name === 'dd-profiler-config');
    if (ext && !ext.isActive) await ext.activate();
    return ext && ext.isActive;
  });
  const first = vscode.Uri.file(path.join(ws, 'Dockerfile'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(first));
  await until('first diagnostics', () => vscode.languages.getDiagnostics(first).length > 0, 60000);
  console.log(`startup: activation to first diagnostics ${Date.now() - started} ms`);
  let passed = 0;
  let failed = 0;
  for (const [name, test] of Object.entries(tests)) {
    try {
      await test(ws);
      passed++;
      console.log(`ok - ${name}`);
    } catch (error) {
      failed++;
      console.log(`not ok - ${name}: ${error && error.stack ? error.stack : error}`);
    }
  }
  console.log(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} extension test(s) failed`);
};
