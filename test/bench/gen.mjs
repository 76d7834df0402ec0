// Benchmark inputs: Dockerfile, .env, Kubernetes and compose YAML, Terraform of exactly N lines, generated from a
// seed so every run measures the same text. Each file is mostly application settings with a block of
// profiler settings per process (stage, container, service), and about 2% of the Datadog lines carry a
// mistake (a misspelled name, a bad value, another runtime's setting) so the rules have work to report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Deterministic PRNG (xorshift32 over a splitmix-style seed hash): same seed, same files. */
export function createRandom(seed) {
  let state = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  return {
    next,
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    int: (low, high) => low + Math.floor(next() * (high - low + 1)),
  };
}

const BOOL = () => 'true';
/** Runtimes a scope can run, with how a Dockerfile/k8s/compose file shows it and what it may set. */
const RUNTIMES = {
  python: {
    image: 'python:3.12-slim',
    install: 'pip install --no-cache-dir ddtrace',
    command: ['ddtrace-run', 'python', '-m', 'app'],
    settings: {
      DD_PROFILING_MEMORY_ENABLED: BOOL,
      DD_PROFILING_LOCK_ENABLED: BOOL,
      DD_PROFILING_UPLOAD_INTERVAL: () => '60',
    },
    mismatch: 'DD_PROFILING_UPLOAD_PERIOD',
  },
  nodejs: {
    image: 'node:22-bookworm-slim',
    install: 'npm install dd-trace',
    command: ['node', '-r', 'dd-trace/init', 'server.js'],
    settings: {
      DD_PROFILING_WALLTIME_ENABLED: BOOL,
      DD_PROFILING_HEAP_ENABLED: BOOL,
      DD_PROFILING_UPLOAD_PERIOD: () => '60',
    },
    mismatch: 'DD_PROFILING_UPLOAD_INTERVAL',
  },
  java: {
    image: 'eclipse-temurin:21-jre',
    install: 'curl -Lo /opt/dd-java-agent.jar https://dtdg.co/latest-java-tracer',
    command: ['java', '-javaagent:/opt/dd-java-agent.jar', '-jar', '/app/app.jar'],
    settings: {
      DD_PROFILING_ALLOCATION_ENABLED: BOOL,
      DD_PROFILING_HEAP_ENABLED: BOOL,
      DD_PROFILING_DDPROF_ENABLED: BOOL,
    },
    mismatch: 'DD_PROFILING_MEMORY_ENABLED',
  },
  ruby: {
    image: 'ruby:3.3-slim',
    install: 'gem install datadog',
    command: ['bundle', 'exec', 'ddprofrb', 'exec', 'rails', 'server'],
    settings: {
      DD_PROFILING_ALLOCATION_ENABLED: BOOL,
      DD_PROFILING_GC_ENABLED: BOOL,
      DD_PROFILING_MAX_FRAMES: () => '400',
    },
    mismatch: 'DD_PROFILING_LOCK_ENABLED',
  },
};
const RUNTIME_NAMES = Object.keys(RUNTIMES);
const TYPOS = [
  'DD_PROFILING_ENABLE',
  'DD_PROFILER_ENABLED',
  'DD_PROFILING_ALOCATION_ENABLED',
  'DD_SERVCE',
  'DD_AGENT_HOTS',
];
const APP_PREFIX = ['APP', 'DB', 'REDIS', 'KAFKA', 'FEATURE', 'HTTP', 'AUTH', 'CACHE', 'S3', 'SMTP', 'LOG', 'WORKER'];
const APP_SUFFIX = ['URL', 'HOST', 'PORT', 'TIMEOUT_MS', 'ENABLED', 'POOL_SIZE', 'LEVEL', 'BUCKET', 'REGION', 'MODE'];

/** One scope's settings generator: profiler settings first (each once), then application settings. */
function scopeSettings(random, runtime, name) {
  const common = [
    ['DD_SERVICE', name],
    ['DD_ENV', random.pick(['prod', 'staging', 'qa'])],
    ['DD_VERSION', `${random.int(1, 4)}.${random.int(0, 20)}.${random.int(0, 99)}`],
    ['DD_PROFILING_ENABLED', 'true'],
    ['DD_TAGS', `team:${random.pick(['core', 'payments', 'search'])},tier:${random.pick(['api', 'worker'])}`],
    ['DD_AGENT_HOST', 'datadog-agent'],
  ];
  const specific = Object.entries(RUNTIMES[runtime].settings).map(([key, value]) => [key, value()]);
  return { datadog: [...common, ...specific], app: () => appSetting(random) };
}

function appSetting(random) {
  const key = `${random.pick(APP_PREFIX)}_${random.pick(APP_SUFFIX)}${random.chance(0.6) ? `_${random.int(1, 500)}` : ''}`;
  if (key.includes('PORT')) return [key, String(random.int(1024, 65000))];
  if (key.includes('ENABLED')) return [key, random.pick(['true', 'false'])];
  if (key.includes('URL'))
    return [key, `https://${random.pick(['api', 'svc', 'cdn'])}.example.com/v${random.int(1, 3)}`];
  return [
    key,
    random.pick(['info', 'debug', 'us-east-1', 'eu-west-1', 'primary', 'strict', String(random.int(1, 30000))]),
  ];
}

/** A deliberately wrong Datadog line, as people write them. */
function mistake(random, runtime) {
  const kind = random.int(0, 3);
  if (kind === 0) return [random.pick(TYPOS), 'true'];
  if (kind === 1) return ['DD_PROFILING_ENABLED', random.pick(['yes', 'ture', 'enabled'])];
  if (kind === 2) return ['DD_TAGS', 'team=core'];
  return [RUNTIMES[runtime].mismatch, 'true'];
}

const quoteIfNeeded = (value) => (/[\s#"'$\\]/.test(value) ? JSON.stringify(value) : value);

function dockerfile(random, lines) {
  const out = ['# syntax=docker/dockerfile:1', `# Benchmark Dockerfile (${lines} lines)`];
  for (let stage = 1; out.length < lines; stage++) {
    const runtime = random.pick(RUNTIME_NAMES);
    const { datadog, app } = scopeSettings(random, runtime, `svc-${stage}`);
    out.push(
      '',
      `FROM ${RUNTIMES[runtime].image} AS stage${stage}`,
      'WORKDIR /app',
      `RUN ${RUNTIMES[runtime].install}`,
    );
    out.push(
      ...datadog.map(
        ([key, value], i) =>
          `${i === 0 ? 'ENV ' : '    '}${key}=${quoteIfNeeded(value)}${i < datadog.length - 1 ? ' \\' : ''}`,
      ),
    );
    const end = Math.min(lines - 1, out.length + random.int(60, 220));
    while (out.length < end) out.push(...dockerLines(random, runtime, app));
    out.push(`CMD ${JSON.stringify(RUNTIMES[runtime].command)}`);
  }
  return out;
}

function dockerLines(random, runtime, app) {
  const roll = random.next();
  if (roll < 0.02) return [`ENV ${mistake(random, runtime).join('=')}`];
  if (roll < 0.08)
    return [`# ${random.pick(['application settings', 'feature flags', 'TODO: move to the config service'])}`];
  if (roll < 0.1) return [''];
  if (roll < 0.14)
    return [
      'RUN apt-get update \\',
      ` && apt-get install -y --no-install-recommends ${random.pick(['curl', 'jq', 'tini'])} \\`,
      ' && rm -rf /var/lib/apt/lists/*',
    ];
  if (roll < 0.18)
    return [
      random.pick(['COPY . .', 'COPY --chown=app:app config/ ./config/', 'RUN mkdir -p /var/log/app', 'EXPOSE 8080']),
    ];
  if (roll < 0.24) return [`ENV ${app().join('=')} \\`, `    ${app().join('=')}`];
  if (roll < 0.27) return [`ENV ${app().join(' ')}`];
  if (roll < 0.3) return [`ARG BUILD_${random.pick(APP_SUFFIX)}=${random.int(1, 99)}`];
  return [`ENV ${app().map(quoteIfNeeded).join('=')}`];
}

function dotenv(random, lines) {
  const out = [`# Benchmark .env (${lines} lines)`];
  while (out.length < lines) {
    // One section per service, as in a shared .env: the same Datadog names recur across sections.
    const runtime = random.pick(RUNTIME_NAMES);
    const { datadog, app } = scopeSettings(random, runtime, `svc-${out.length}`);
    out.push('', `# ---- ${runtime} service ----`, ...datadog.map(([key, value]) => `${key}=${value}`));
    const end = out.length + random.int(150, 400);
    while (out.length < end) {
      const roll = random.next();
      const [key, value] = roll < 0.02 ? mistake(random, runtime) : app();
      if (roll < 0.06) out.push(`# ${random.pick(['database', 'feature flags', 'do not commit real secrets'])}`);
      else if (roll < 0.1) out.push(`export ${key}=${value}`);
      else if (roll < 0.16) out.push(`${key}="${value}"`);
      else if (roll < 0.2) out.push(`${key}=${value} # ${random.pick(['see runbook', 'ms', 'overridden in prod'])}`);
      else out.push(`${key}=${value}`);
    }
  }
  return out;
}

function kubernetes(random, lines) {
  const out = [`# Benchmark Kubernetes manifests (${lines} lines)`];
  for (let d = 1; out.length < lines; d++) {
    const runtime = random.pick(RUNTIME_NAMES);
    const name = `svc-${d}`;
    const { datadog, app } = scopeSettings(random, runtime, name);
    out.push(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      `  name: ${name}`,
      'spec:',
      `  replicas: ${random.int(1, 6)}`,
    );
    out.push(
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      `          image: ${RUNTIMES[runtime].image}`,
    );
    out.push(`          args: ${JSON.stringify(RUNTIMES[runtime].command)}`, '          env:');
    for (const [key, value] of datadog)
      out.push(`            - name: ${key}`, `              value: ${JSON.stringify(value)}`);
    const end = out.length + random.int(150, 450);
    while (out.length < end) {
      const [key, value] = random.chance(0.02) ? mistake(random, runtime) : app();
      if (random.chance(0.03))
        out.push(
          '            - name: DD_AGENT_HOST',
          '              valueFrom:',
          '                fieldRef:',
          '                  fieldPath: status.hostIP',
        );
      else out.push(`            - name: ${key}`, `              value: ${JSON.stringify(value)}`);
    }
  }
  return out;
}

function compose(random, lines) {
  const out = [`# Benchmark docker-compose (${lines} lines)`, 'services:'];
  for (let s = 1; out.length < lines; s++) {
    const runtime = random.pick(RUNTIME_NAMES);
    const { datadog, app } = scopeSettings(random, runtime, `svc-${s}`);
    out.push(
      `  svc-${s}:`,
      `    image: ${RUNTIMES[runtime].image}`,
      `    command: ${JSON.stringify(RUNTIMES[runtime].command)}`,
    );
    out.push(
      '    restart: unless-stopped',
      '    environment:',
      ...datadog.map(([key, value]) => `      - ${key}=${value}`),
    );
    const end = out.length + random.int(100, 400);
    while (out.length < end) {
      if (random.chance(0.04)) out.push(`      # ${random.pick(['tracing', 'app', 'cache'])}`);
      else out.push(`      - ${(random.chance(0.02) ? mistake(random, runtime) : app()).join('=')}`);
    }
  }
  return out;
}

/** An AWS CDK stack in TypeScript: one container per service, environment objects and ordinary code between. */
function cdkStack(random, lines) {
  const out = [`// Benchmark CDK stack (${lines} lines)`, "import * as ecs from 'aws-cdk-lib/aws-ecs';", ''];
  for (let c = 1; out.length < lines; c++) {
    const runtime = random.pick(RUNTIME_NAMES);
    const { datadog, app } = scopeSettings(random, runtime, `svc-${c}`);
    out.push(`const c${c} = taskDef.addContainer('svc-${c}', {`, "  image: ecs.ContainerImage.fromRegistry('app:1'),");
    out.push('  environment: {', ...datadog.map(([key, value]) => `    ${key}: '${value}',`));
    const end = out.length + random.int(40, 120);
    while (out.length < end) {
      const [key, value] = random.chance(0.02) ? mistake(random, runtime) : app();
      out.push(`    ${key}: '${String(value).replace(/'/g, '')}',`);
    }
    out.push('  },', '});', `export function handler${c}(event: { id: string }): string {`);
    for (let i = random.int(5, 30); i > 0; i--) out.push(`  const v${i} = event.id.length * ${i};`);
    out.push(`  return String(v1);`, '}', '');
  }
  return out;
}

/** Terraform: ECS task definitions (jsonencode lists, one in four a heredoc of JSON) and Lambda functions. */
function terraform(random, lines) {
  const out = [`# Benchmark Terraform (${lines} lines)`];
  for (let r = 1; out.length < lines; r++) {
    const runtime = random.pick(RUNTIME_NAMES);
    const { datadog, app } = scopeSettings(random, runtime, `svc-${r}`);
    const count = random.int(60, 250);
    const entries = [
      ...datadog,
      ...Array.from({ length: count }, () => (random.chance(0.02) ? mistake(random, runtime) : app())),
    ];
    if (random.chance(0.15)) {
      out.push(
        '',
        `resource "aws_lambda_function" "fn_${r}" {`,
        `  function_name = "svc-${r}"`,
        '  environment {',
        '    variables = {',
      );
      out.push(...entries.map(([key, value]) => `      ${key} = ${JSON.stringify(value)}`), '    }', '  }', '}');
    } else if (random.chance(0.25)) {
      out.push('', `resource "aws_ecs_task_definition" "task_${r}" {`, '  container_definitions = <<EOF', '[{');
      out.push(`  "name": "svc-${r}", "image": "${RUNTIMES[runtime].image}",`, '  "environment": [');
      out.push(
        ...entries.map(
          ([key, value], i) =>
            `    { "name": "${key}", "value": ${JSON.stringify(value)} }${i < entries.length - 1 ? ',' : ''}`,
        ),
      );
      out.push('  ]', '}]', 'EOF', '}');
    } else {
      out.push(
        '',
        `resource "aws_ecs_task_definition" "task_${r}" {`,
        `  family = "svc-${r}"`,
        '  container_definitions = jsonencode([{',
      );
      out.push(
        `    name    = "svc-${r}"`,
        `    image   = "${RUNTIMES[runtime].image}"`,
        `    command = ${JSON.stringify(RUNTIMES[runtime].command)}`,
      );
      out.push('    environment = [');
      out.push(...entries.map(([key, value]) => `      { name = "${key}", value = ${JSON.stringify(value)} },`));
      out.push('    ]', '  }])', '}');
    }
  }
  return out;
}

/** The inputs: file name pattern, generator, and where to type (the anchor line and its prefix). */
export const KINDS = {
  dockerfile: {
    file: (n) => `bench-${n}.Dockerfile`,
    generate: dockerfile,
    languageId: 'dockerfile',
    anchor: /^ENV (DD_)/,
  },
  dotenv: { file: (n) => `bench-${n}.env`, generate: dotenv, languageId: 'dotenv', anchor: /^(DD_)/ },
  k8s: { file: (n) => `k8s-${n}.yaml`, generate: kubernetes, languageId: 'yaml', anchor: /^ {12}- name: (DD_)/ },
  compose: { file: (n) => `compose-${n}.yaml`, generate: compose, languageId: 'yaml', anchor: /^ {6}- (DD_)/ },
  typescript: { file: (n) => `stack-${n}.ts`, generate: cdkStack, languageId: 'typescript', anchor: /^ {4}(DD_)/ },
  terraform: {
    file: (n) => `main-${n}.tf`,
    generate: terraform,
    languageId: 'terraform',
    anchor: /^ {6}\{ name = "(DD_)/,
  },
};

/** Writes every kind at every size into `dir`; returns [{ kind, lines, path, bytes }]. */
export function generateInputs(dir, sizes, seed) {
  mkdirSync(dir, { recursive: true });
  const inputs = [];
  for (const [kind, spec] of Object.entries(KINDS)) {
    for (const lines of sizes) {
      const random = createRandom(seed * 1_000_003 + lines + kind.length);
      const text = `${spec.generate(random, lines).slice(0, lines).join('\n')}\n`;
      const path = join(dir, spec.file(lines));
      writeFileSync(path, text);
      inputs.push({ kind, lines, path, bytes: Buffer.byteLength(text) });
    }
  }
  return inputs;
}
