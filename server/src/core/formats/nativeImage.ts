/**
 * GraalVM native images in a Dockerfile: a stage that builds one (a GraalVM native-image or Mandrel
 * builder image, or a `RUN native-image …`) and the later stage that copies the binary out and runs it
 * without a JVM. The seed ("Enabling the Profiler", GraalVM Native Image) says: "Only JFR-based
 * profiling is supported for GraalVM native-image applications. Wallclock and live heap profiling are
 * not available." Turning those on in the stage that runs the binary does nothing.
 */
import type { Finding, SettingOccurrence } from '../types.js';
import { hintsFromImage } from './runtimeHints.js';

/** GraalVM's and Red Hat's builder images (`ghcr.io/graalvm/native-image-community:21`, `quay.io/quarkus/ubi-quarkus-mandrel-builder-image`). */
const BUILDER_IMAGE = /(^|\/)(native-image[\w.-]*|graalvm\/native-image[\w.-]*|[\w.-]*mandrel[\w.-]*)(:|@|$)/i;
const NATIVE_IMAGE_COMMAND = /(^|[\s;&|(/])native-image(\s|$)/;

/** The profile types the seed lists as unavailable in native images, by their environment names. */
const UNAVAILABLE: Readonly<Record<string, string>> = {
  DD_PROFILING_DDPROF_WALL_ENABLED: 'Wallclock profiling',
  DD_PROFILING_DDPROF_LIVEHEAP_ENABLED: 'Live heap profiling',
};

export interface NativeImageStage {
  readonly scope: string;
  readonly name?: string;
  readonly image: string;
}

/** Whether a stage builds a native image: its image is a native-image builder, or it runs `native-image`. */
export function buildsNativeImage(image: string, runCommands: readonly string[]): boolean {
  return BUILDER_IMAGE.test(image) || runCommands.some((command) => NATIVE_IMAGE_COMMAND.test(command));
}

/**
 * The stages that run a native image: they copy from a builder stage (`COPY --from=build`), are not
 * builders themselves, and their own image carries no JVM.
 */
export function nativeImageScopes(
  stages: readonly NativeImageStage[],
  builders: ReadonlySet<string>,
  copies: readonly { readonly to: string; readonly from: string }[],
): Set<string> {
  const builderOf = (ref: string) =>
    stages.find((s) => builders.has(s.scope) && (s.name === ref || s.scope === `stage:${ref}`));
  const runners = new Set<string>();
  for (const copy of copies) {
    const stage = stages.find((s) => s.scope === copy.to);
    if (!stage || builders.has(stage.scope) || !builderOf(copy.from)) continue;
    if (hintsFromImage(stage.image).includes('java')) continue;
    runners.add(stage.scope);
  }
  return runners;
}

/** A finding for each unavailable profile type turned on in a stage that runs a native image. */
export function nativeImageProblems(occurrences: readonly SettingOccurrence[], scopes: ReadonlySet<string>): Finding[] {
  if (scopes.size === 0) return [];
  return occurrences.flatMap((occurrence) => {
    if (!scopes.has(occurrence.scope) || occurrence.valueKind !== 'literal') return [];
    const envName =
      occurrence.surface === 'javaProperty' ? occurrence.name.toUpperCase().replace(/[.-]/g, '_') : occurrence.name;
    const type = UNAVAILABLE[envName];
    if (!type || !/^(true|1)$/i.test(occurrence.value?.trim() ?? '')) return [];
    return [
      {
        code: 'wrong-os',
        severity: 'warning' as const,
        message: `\`${occurrence.name}\` has no effect here: ${type} is not available for GraalVM native-image applications (only JFR-based profiling is), and this stage runs a native image built in an earlier stage.`,
        range: occurrence.nameRange,
      },
    ];
  });
}
