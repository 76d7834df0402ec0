/**
 * Evidence of a runtime in images and commands: what a Dockerfile stage, a compose service or a k8s
 * container runs. Used by every format that names images or start commands.
 */
import type { Runtime } from '../types.js';

/**
 * Official images and the common families built on them, matched on the last path segment: Docker
 * Official Images, distroless (`gcr.io/distroless/java17-debian12`, `nodejs20-debian12`), Chainguard
 * (`cgr.dev/chainguard/jre`, `node`), Bitnami (`bitnami/java`, `bitnami/node`), Red Hat UBI
 * (`ubi9/openjdk-21`, `ubi9/nodejs-20`, `ubi8/ruby-30`, `ubi9/go-toolset`) and AWS Lambda base images
 * (`public.ecr.aws/lambda/java:21`, `lambda/nodejs:20`).
 */
const IMAGES: readonly (readonly [RegExp, Runtime])[] = [
  [
    /(^|\/)(openjdk|eclipse-temurin|amazoncorretto|ibmjava|ibm-semeru-runtimes|sapmachine|azul\/zulu[^:]*|[^/:]*(jdk|jre)[^/:]*|java\d*(-[\w.]+)*|maven|gradle|tomcat|jetty|wildfly)(:|$)/,
    'java',
  ],
  [/(^|\/)(python|pypy)[^/:]*(:|$)/, 'python'],
  [/(^|\/)(golang|go-toolset)(:|$)/, 'go'],
  [/(^|\/)(ruby|jruby)(-[\d.]+)?(:|$)/, 'ruby'],
  [/(^|\/)(node|bun|nodejs(\d+)?(-[\w.]+)*)(:|$)/, 'nodejs'],
  [/mcr\.microsoft\.com\/dotnet\/|(^|\/)dotnet[^/:]*(:|$)/, 'dotnet'],
  [/(^|\/)(php|php-fpm|wordpress|drupal|composer)[^/:]*(:|$)/, 'php'],
];

/** Runtimes an image name implies (`python:3.12-slim` -> python); empty for generic images. */
export function hintsFromImage(image: string): Runtime[] {
  const name = image.toLowerCase().replace(/@sha256:.*/, '');
  return IMAGES.filter(([pattern]) => pattern.test(name)).map(([, runtime]) => runtime);
}

const WINDOWS_IMAGE = /(^|\/)windows([/:@]|$)|nanoserver|servercore|dotnet\/framework\//i;

/** Whether an image is a Windows one (`mcr.microsoft.com/windows/servercore`, `...:8.0-nanoserver-ltsc2022`). */
export function isWindowsImage(image: string): boolean {
  return WINDOWS_IMAGE.test(image);
}

/**
 * The system an image runs: Windows images by name, every other image Linux (Docker Desktop runs those
 * on a Linux VM); nothing when a variable names the image, which could be either.
 */
export function osOfImage(image: string): 'linux' | 'windows' | undefined {
  if (image.trim() === '' || image.includes('$')) return undefined;
  return isWindowsImage(image) ? 'windows' : 'linux';
}

/**
 * Each pattern is tried at every position of commands that can be 100 KB long, so none may rescan
 * what follows a match: "an install command, then the package later in the same step" is checked per
 * step (between `&`, `|`, `;`) and per word by {@link installs} and {@link agentWord}, not by a
 * `[^&|;]*` or `\S*` run that backtracks quadratically.
 */
const COMMANDS: readonly (readonly [(text: string, steps: readonly string[]) => boolean, Runtime])[] = [
  [(text) => agentWord(text) || /dd-java-agent\.jar|dtdg\.co\/latest-java-tracer/.test(text), 'java'],
  [
    (text, steps) =>
      /\bddtrace-run\b|ddtrace\.profiling\.auto/.test(text) || installs(steps, /pip3? install/, /\bddtrace\b/),
    'python',
  ],
  [
    (text, steps) =>
      /\bddprofrb\b|datadog\/profiling\/preload/.test(text) || installs(steps, /gem install/, /\bdatadog\b/),
    'ruby',
  ],
  [
    (text, steps) =>
      text.includes('dd-trace/init') || installs(steps, /(npm|yarn|pnpm) (install|i|add)/, /\bdd-trace\b/),
    'nodejs',
  ],
  [(text) => /datadog-dotnet-apm|Datadog\.Trace\.ClrProfiler|\bdotnet\s+\S+\.dll\b/.test(text), 'dotnet'],
  [(text) => /datadog-setup\.php|\bphp-fpm\b/.test(text), 'php'],
  [(text) => /(^|[\s/"'])ddprof(\s|"|'|$)|ddprof-[\w.-]*\.tar/.test(text), 'ddprof'],
  [(text) => /dd-trace-go|gopkg\.in\/DataDog|github\.com\/DataDog\/dd-trace-go|\borchestrion\b/.test(text), 'go'],
];

/** Runtimes a command line or install step implies (`ddtrace-run python app.py` -> python). */
export function hintsFromCommand(text: string): Runtime[] {
  const steps = text.split(/[&|;]/);
  return COMMANDS.filter(([shows]) => shows(text, steps)).map(([, runtime]) => runtime);
}

/** Whether a step runs the installer and names the package after it. */
function installs(steps: readonly string[], installer: RegExp, pkg: RegExp): boolean {
  return steps.some((step) => {
    const at = step.search(installer);
    return at >= 0 && pkg.test(step.slice(at));
  });
}

/** A `-javaagent:` word that loads dd-java-agent. */
function agentWord(text: string): boolean {
  if (!text.includes('-javaagent:')) return false;
  return text.split(/\s+/).some((word) => {
    const at = word.indexOf('-javaagent:');
    return at >= 0 && word.includes('dd-java-agent', at);
  });
}
