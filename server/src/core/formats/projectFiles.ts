/**
 * Project files that say which runtime a program is written for: a `Gemfile` is Ruby's, a `go.mod` Go's,
 * a `*.csproj` .NET's. Evidence for a scope whose text says nothing else: the files a Dockerfile stage
 * copies in, or those beside a `.env` or a start script (the adapters name them; the core never reads a
 * directory). Weaker than an image or a start command, so it only fills a gap (scopeRuntimes.ts).
 */
import type { Runtime, RuntimeHint } from '../types.js';

/** Exact names (compared in lower case), then name patterns. */
const NAMES: Readonly<Record<string, Runtime>> = {
  'package.json': 'nodejs',
  'package-lock.json': 'nodejs',
  'npm-shrinkwrap.json': 'nodejs',
  'yarn.lock': 'nodejs',
  'pnpm-lock.yaml': 'nodejs',
  '.nvmrc': 'nodejs',
  'requirements.txt': 'python',
  'pyproject.toml': 'python',
  pipfile: 'python',
  'pipfile.lock': 'python',
  'poetry.lock': 'python',
  'uv.lock': 'python',
  'setup.py': 'python',
  'manage.py': 'python',
  'go.mod': 'go',
  'go.sum': 'go',
  gemfile: 'ruby',
  'gemfile.lock': 'ruby',
  'config.ru': 'ruby',
  'composer.json': 'php',
  'composer.lock': 'php',
  'pom.xml': 'java',
  'build.gradle': 'java',
  'build.gradle.kts': 'java',
  'settings.gradle': 'java',
  'settings.gradle.kts': 'java',
  mvnw: 'java',
  gradlew: 'java',
  'global.json': 'dotnet',
  'directory.build.props': 'dotnet',
};

const PATTERNS: readonly (readonly [RegExp, Runtime])[] = [
  [/^requirements[\w.-]*\.txt$/, 'python'],
  [/\.gemspec$/, 'ruby'],
  [/\.(jar|war)$/, 'java'],
  [/\.(csproj|fsproj|vbproj|sln)$/, 'dotnet'],
];

/** Names a wildcard is tried against (`package*.json`, `*.csproj`): one per kind of project file. */
const EXAMPLES = [...Object.keys(NAMES), 'requirements-dev.txt', 'app.gemspec', 'app.jar', 'app.war', 'app.csproj'];

/**
 * The runtime a file name shows (its last path segment), if any. A wildcard counts only when every
 * project file it can match belongs to one runtime (`package*.json` is Node.js; `*.json` says nothing).
 */
export function runtimeOfProjectFile(path: string): Runtime | undefined {
  const name = (
    path
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? ''
  ).toLowerCase();
  if (!/[*?[]/.test(name)) return exactRuntime(name);
  // Real patterns have a wildcard or two; many `*` against a short name backtrack without end.
  if (name.length > 64 || (name.match(/[*?[]/g) ?? []).length > 4) return undefined;
  if (!/[a-z0-9]/.test(name.replace(/\[[^\]]*\]/g, ''))) return undefined;
  const pattern = globToRegExp(name);
  const runtimes = new Set(EXAMPLES.filter((example) => pattern.test(example)).map(exactRuntime));
  const [only, ...others] = [...runtimes];
  return others.length === 0 ? only : undefined;
}

function exactRuntime(name: string): Runtime | undefined {
  return NAMES[name] ?? PATTERNS.find(([pattern]) => pattern.test(name))?.[1];
}

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split(/(\*|\?|\[[^\]]*\])/)
    .map((part) => {
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      if (part.startsWith('[') && part.endsWith(']') && part.length > 2) return part.replace(/^\[!/, '[^');
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  try {
    return new RegExp(`^${body}$`);
  } catch {
    return /$^/;
  }
}

/**
 * One hint per runtime the named files show, first file kept as the reason
 * (`reason(file)` words it: "COPY Gemfile", "`package.json` beside this file").
 */
export function projectFileHints(
  files: readonly string[],
  scope: string | undefined,
  reason: (file: string) => string,
): RuntimeHint[] {
  const hints = new Map<Runtime, RuntimeHint>();
  for (const file of files) {
    const runtime = runtimeOfProjectFile(file);
    if (runtime && !hints.has(runtime))
      hints.set(runtime, { runtime, reason: reason(file), ...(scope !== undefined ? { scope } : {}) });
  }
  return [...hints.values()];
}
