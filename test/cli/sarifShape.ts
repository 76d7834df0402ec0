/**
 * The essentials of SARIF 2.1.0 that code-scanning services rely on, checked by hand (the full schema
 * is 3,000 lines and not shipped with any package we depend on). Returns one line per violation, so a
 * test can assert `[]` and see every problem at once.
 */
const LEVELS = ['none', 'note', 'warning', 'error'];

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown) => typeof value === 'string' && value.length > 0;
const isPositive = (value: unknown) => Number.isInteger(value) && (value as number) >= 1;

export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  if (!isObject(log)) return ['log is not an object'];
  check(log.version === '2.1.0', 'version is not "2.1.0"');
  check(typeof log.$schema === 'string' && /sarif.*2\.1\.0/.test(log.$schema), '$schema does not name SARIF 2.1.0');
  const runs = log.runs;
  if (!Array.isArray(runs) || runs.length === 0) return [...problems, 'runs is not a non-empty array'];
  runs.forEach((run: unknown, r) => checkRun(run, `runs[${r}]`, check));
  return problems;
}

function checkRun(run: unknown, at: string, check: (ok: boolean, what: string) => void): void {
  const driver = isObject(run) && isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined;
  if (!isObject(run) || !driver) return void check(false, `${at}.tool.driver is missing`);
  check(isText(driver.name), `${at}.tool.driver.name is missing`);
  check(isText(driver.version), `${at}.tool.driver.version is missing`);
  check(
    typeof driver.informationUri === 'string' && URL.canParse(driver.informationUri),
    `${at}.tool.driver.informationUri is not a URI`,
  );
  const rules = Array.isArray(driver.rules) ? (driver.rules as unknown[]) : [];
  check(rules.length > 0, `${at}.tool.driver.rules is empty`);
  const ids = rules.map((rule, i) => checkRule(rule, `${at}.tool.driver.rules[${i}]`, check));
  check(new Set(ids).size === ids.length, `${at}.tool.driver.rules has duplicate ids`);
  if (!Array.isArray(run.results)) return void check(false, `${at}.results is not an array`);
  run.results.forEach((result: unknown, i) => checkResult(result, ids, `${at}.results[${i}]`, check));
}

function checkRule(rule: unknown, at: string, check: (ok: boolean, what: string) => void): string | undefined {
  if (!isObject(rule)) return void check(false, `${at} is not an object`);
  check(isText(rule.id), `${at}.id is missing`);
  check(
    isObject(rule.shortDescription) && isText(rule.shortDescription.text),
    `${at}.shortDescription.text is missing`,
  );
  check(typeof rule.helpUri === 'string' && URL.canParse(rule.helpUri), `${at}.helpUri is not a URI`);
  const level = isObject(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
  check(LEVELS.includes(level as string), `${at}.defaultConfiguration.level is not a SARIF level`);
  return rule.id as string;
}

function checkResult(result: unknown, ids: unknown[], at: string, check: (ok: boolean, what: string) => void): void {
  if (!isObject(result)) return void check(false, `${at} is not an object`);
  check(ids.includes(result.ruleId), `${at}.ruleId is not a rule of the driver`);
  if (result.ruleIndex !== undefined)
    check(ids[result.ruleIndex as number] === result.ruleId, `${at}.ruleIndex does not point at ruleId`);
  check(LEVELS.includes(result.level as string), `${at}.level is not a SARIF level`);
  check(isObject(result.message) && isText(result.message.text), `${at}.message.text is missing`);
  const locations = Array.isArray(result.locations) ? (result.locations as unknown[]) : [];
  check(locations.length > 0, `${at}.locations is empty`);
  locations.forEach((location, i) => {
    const physical = isObject(location) ? location.physicalLocation : undefined;
    checkArtifact(isObject(physical) ? physical.artifactLocation : undefined, `${at}.locations[${i}]`, check);
    checkRegion(isObject(physical) ? physical.region : undefined, `${at}.locations[${i}].region`, check);
  });
  const fixes = Array.isArray(result.fixes) ? (result.fixes as unknown[]) : [];
  fixes.forEach((fix, i) => checkFix(fix, `${at}.fixes[${i}]`, check));
}

function checkFix(fix: unknown, at: string, check: (ok: boolean, what: string) => void): void {
  const changes = isObject(fix) && Array.isArray(fix.artifactChanges) ? (fix.artifactChanges as unknown[]) : [];
  check(
    isObject(fix) && isObject(fix.description) && isText(fix.description.text),
    `${at}.description.text is missing`,
  );
  check(changes.length > 0, `${at}.artifactChanges is empty`);
  changes.forEach((change, c) => {
    if (!isObject(change) || !Array.isArray(change.replacements))
      return void check(false, `${at}.artifactChanges[${c}] has no replacements`);
    checkArtifact(change.artifactLocation, `${at}.artifactChanges[${c}]`, check);
    change.replacements.forEach((replacement: unknown, r) => {
      const where = `${at}.artifactChanges[${c}].replacements[${r}]`;
      checkRegion(isObject(replacement) ? replacement.deletedRegion : undefined, `${where}.deletedRegion`, check);
      const inserted = isObject(replacement) ? replacement.insertedContent : undefined;
      check(
        inserted === undefined || (isObject(inserted) && typeof inserted.text === 'string'),
        `${where}.insertedContent.text is missing`,
      );
    });
  });
}

/** Relative URIs against %SRCROOT%, so results map onto the repository wherever it is checked out. */
function checkArtifact(artifact: unknown, at: string, check: (ok: boolean, what: string) => void): void {
  const uri = isObject(artifact) ? artifact.uri : undefined;
  check(
    typeof uri === 'string' && uri.length > 0 && !/^[a-z][a-z0-9+.-]*:/i.test(uri),
    `${at}: artifactLocation.uri is not a relative URI`,
  );
  check(isObject(artifact) && artifact.uriBaseId === '%SRCROOT%', `${at}: artifactLocation.uriBaseId is not %SRCROOT%`);
}

function checkRegion(region: unknown, at: string, check: (ok: boolean, what: string) => void): void {
  if (!isObject(region)) return void check(false, `${at} is missing`);
  const { startLine, startColumn, endLine, endColumn } = region;
  check(isPositive(startLine) && isPositive(startColumn), `${at} does not start at a 1-based line and column`);
  check(isPositive(endLine) && isPositive(endColumn), `${at} does not end at a 1-based line and column`);
  const ordered =
    (endLine as number) > (startLine as number) ||
    (endLine === startLine && (endColumn as number) >= (startColumn as number));
  check(ordered, `${at} ends before it starts`);
}
