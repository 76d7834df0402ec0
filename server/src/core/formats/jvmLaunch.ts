/**
 * JVM options in a variable that nothing reads: `JAVA_OPTS` and `CATALINA_OPTS` are read by start
 * scripts (catalina.sh, most images' entry points) that pass them to `java`, never by the JVM itself.
 * A process (a Dockerfile stage, a compose service, a Kubernetes container) that sets one with
 * `-javaagent`/`-Ddd.*` and starts `java` directly, without naming the variable, runs without the agent. `JAVA_TOOL_OPTIONS` (and `JDK_JAVA_OPTIONS`) are read
 * by the JVM and are never reported.
 */
import type { Finding, SettingOccurrence } from '../types.js';
import { programName } from './commandAssignment.js';
import type { CommandWord } from './commandLine.js';

/** A start command's words, whether a shell reads them, and what it is called where it is written. */
export interface StartCommand {
  readonly words: readonly CommandWord[];
  readonly shell: boolean;
  /** `CMD`, `ENTRYPOINT`, `command:`... */
  readonly keyword: string;
}

/** A stage's start: its own ENTRYPOINT and CMD, and whether its image is a plain JDK (no entry point of its own). */
export interface StageStart {
  readonly entrypoint?: StartCommand;
  readonly cmd?: StartCommand;
  readonly plainJdkImage: boolean;
}

const SCRIPT_VARIABLES = new Set(['JAVA_OPTS', 'CATALINA_OPTS']);

/**
 * Official JDK/JRE images: they start what CMD says (at most through an entry point that runs `"$@"`),
 * so a `java` CMD is what runs. Application-server images (tomcat, jetty, wildfly) start a script.
 */
const PLAIN_JDK =
  /(^|\/)(openjdk|eclipse-temurin|amazoncorretto|ibm-semeru-runtimes|sapmachine|azul\/zulu-openjdk[^:]*|bellsoft\/liberica-[^:]*)(:|@|$)/i;

export function isPlainJdkImage(image: string): boolean {
  return PLAIN_JDK.test(image.trim());
}

/** The findings for a stage's JVM option variables that its direct `java` start never reads. */
export function unreadJvmVariables(occurrences: readonly SettingOccurrence[], start: StageStart): Finding[] {
  const command = startCommand(start);
  if (!command) return [];
  const words = command.words.map((w) => w.value);
  let at = 0;
  while (words[at] === 'exec' || words[at] === 'env') at++;
  if (!/^java(\.exe)?$/.test(programName(command.words[at]))) return [];
  const shown = command.shell ? `${command.keyword} java …` : `${command.keyword} ["java", …]`;
  // `$JAVA_OPTS` for a shell, `$(JAVA_OPTS)` as Kubernetes expands it in `command`/`args`.
  const names = (name: string) => [`$${name}`, `\${${name}`, `$(${name})`];
  return occurrences.flatMap((o): Finding[] => {
    if (o.surface !== 'env' || !SCRIPT_VARIABLES.has(o.name) || !/(^|\s)-(javaagent:|Ddd\.)/.test(o.value ?? '')) {
      return [];
    }
    if (words.some((word) => names(o.name).some((n) => word.includes(n)))) return [];
    return [
      {
        code: 'launcher',
        severity: 'error',
        message: `\`${o.name}\` is read by start scripts that pass it to \`java\`, not by the JVM itself, and \`java\` is started directly here (\`${shown}\`): its \`-javaagent\`/\`-Ddd.*\` options never load. Use \`JAVA_TOOL_OPTIONS\`, which the JVM reads, or put them on the \`java\` command line.`,
        range: o.nameRange,
        fixes: [
          {
            title: 'Change to `JAVA_TOOL_OPTIONS`',
            edits: [{ range: o.nameRange, newText: 'JAVA_TOOL_OPTIONS', expected: o.name }],
            preferred: true,
          },
        ],
      },
    ];
  });
}

/**
 * What the stage runs, when this file says it for sure: its exec-form ENTRYPOINT with its CMD as
 * arguments, its shell-form ENTRYPOINT alone, or, on a plain JDK image without an ENTRYPOINT, its CMD.
 */
function startCommand(start: StageStart): StartCommand | undefined {
  const { entrypoint, cmd } = start;
  if (entrypoint) {
    if (entrypoint.shell || !cmd || cmd.shell) return entrypoint;
    return { ...entrypoint, words: [...entrypoint.words, ...cmd.words] };
  }
  return start.plainJdkImage ? cmd : undefined;
}

/**
 * The same for a container whose start is written as two word lists: compose's `entrypoint`/`command`,
 * Kubernetes' `command`/`args` (the first replaces the image's entry point, the second its CMD).
 */
export function unreadJvmVariablesInContainer(
  occurrences: readonly SettingOccurrence[],
  entrypoint: { readonly words: readonly CommandWord[]; readonly keyword: string },
  cmd: { readonly words: readonly CommandWord[]; readonly keyword: string },
  image: string | undefined,
): Finding[] {
  return unreadJvmVariables(occurrences, {
    ...(entrypoint.words.length > 0 ? { entrypoint: { ...entrypoint, shell: false } } : {}),
    ...(cmd.words.length > 0 ? { cmd: { ...cmd, shell: false } } : {}),
    plainJdkImage: isPlainJdkImage(image ?? ''),
  });
}
