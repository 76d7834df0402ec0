/**
 * Which documents the extension serves: the same names server/src/core/formats/index.ts detects
 * (a test keeps the two in step), as VS Code document filters and as a workspace search glob.
 */
export const FILE_PATTERNS = [
  '**/Dockerfile',
  '**/Dockerfile.*',
  '**/*.dockerfile',
  '**/Containerfile',
  '**/*.containerfile',
  '**/.env',
  '**/.env.*',
  '**/*.env',
  '**/web.config',
  '**/web.*.config',
  '**/app.config',
  '**/applicationHost.config',
  '**/ServiceManifest.xml',
  '**/*.yaml',
  '**/*.yml',
  '**/*.rb',
  '**/*.ru',
  '**/Gemfile',
  '**/Rakefile',
  '**/*.sh',
  '**/*.bash',
  '**/*.zsh',
  '**/*.bat',
  '**/*.cmd',
  '**/*.ps1',
  '**/*.psm1',
  '**/*.ini',
  '**/.htaccess',
  '**/www.conf',
  '**/php-fpm.conf',
  '**/Makefile',
  '**/GNUmakefile',
  '**/*.mk',
  '**/*.go',
  '**/*.js',
  '**/*.mjs',
  '**/*.cjs',
  '**/*.ts',
  '**/*.mts',
  '**/*.cts',
  '**/*.py',
  '**/*.json',
  '**/*.service',
  '**/*.service.d/*.conf',
  '**/*.properties',
  '**/*.tf',
  '**/*.tfvars',
  '**/*.nomad',
  '**/*.nomad.hcl',
  '**/Jenkinsfile',
  '**/Jenkinsfile.*',
  '**/*.jenkinsfile',
] as const;

/** Language ids whose documents may have no file on disk yet (untitled). */
export const LANGUAGE_IDS = [
  'dockerfile',
  'dotenv',
  'shellscript',
  'bat',
  'powershell',
  'ruby',
  'makefile',
  'terraform',
  'hcl',
  'groovy',
  'jenkinsfile',
] as const;

export const documentSelector = [
  ...FILE_PATTERNS.map((pattern) => ({ scheme: 'file', pattern })),
  ...LANGUAGE_IDS.map((language) => ({ scheme: 'untitled', language })),
];

/** One glob for `workspace.findFiles`. */
export const WORKSPACE_GLOB = `{${FILE_PATTERNS.join(',')}}`;
export const WORKSPACE_EXCLUDE = '{**/node_modules/**,**/.git/**,**/out/**,**/dist/**}';
