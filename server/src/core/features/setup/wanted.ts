/**
 * The settings that turn the profiler on, per runtime and platform, as the "Enabling the Profiler"
 * page lists them: `DD_PROFILING_ENABLED` everywhere, the service tag, and for .NET the CLR profiler
 * variables (on Linux also the loader path, the tracer home and the API wrapper in `LD_PRELOAD`; IIS
 * gets those from the MSI, so web.config only needs the Datadog ones).
 */
import type { Runtime } from '../../types.js';

export interface Wanted {
  /** The env name; other surfaces write the catalog's equivalent. */
  readonly name: string;
  readonly value: string;
  /** Whether an existing literal value already does the job; when not, the setup offers to change it. */
  readonly accepts: (value: string) => boolean;
  /** The value to propose instead of a contradicting one (default: `value`). */
  readonly merge?: (current: string) => string;
}

export const CLR_PROFILER_GUID = '{846F5F1C-F9AE-4B07-969E-05C26BC060D8}';
const LD_PRELOAD_WRAPPER = '/opt/datadog/continuousprofiler/Datadog.Linux.ApiWrapper.x64.so';
const anything = (): boolean => true;

/** What each runtime reads as "on" (Ruby and ddprof do not know `auto`; .NET compares case-sensitively). */
function enabledAccepts(runtime: Runtime): (value: string) => boolean {
  if (runtime === 'dotnet') return (v) => /^(true|1|auto)$/.test(v.trim());
  if (runtime === 'ruby' || runtime === 'ddprof') return (v) => /^(true|1)$/i.test(v.trim());
  return (v) => /^(true|1|auto|yes|on)$/i.test(v.trim());
}

export function wantedSettings(
  runtime: Runtime,
  platform: 'linux' | 'windows' | 'iis',
  tags: { readonly service: string; readonly env?: string },
): Wanted[] {
  const list: Wanted[] = [{ name: 'DD_SERVICE', value: tags.service, accepts: anything }];
  if (tags.env) list.push({ name: 'DD_ENV', value: tags.env, accepts: anything });
  const on = runtime === 'dotnet' || runtime === 'php' ? '1' : 'true';
  list.push({ name: 'DD_PROFILING_ENABLED', value: on, accepts: enabledAccepts(runtime) });
  if (runtime !== 'dotnet' || platform === 'iis') return list;
  list.push(
    { name: 'CORECLR_ENABLE_PROFILING', value: '1', accepts: (v) => v.trim() === '1' },
    {
      name: 'CORECLR_PROFILER',
      value: CLR_PROFILER_GUID,
      accepts: (v) => v.trim().toUpperCase() === CLR_PROFILER_GUID,
    },
  );
  if (platform === 'windows') return list;
  return [
    ...list,
    { name: 'CORECLR_PROFILER_PATH', value: '/opt/datadog/Datadog.Trace.ClrProfiler.Native.so', accepts: anything },
    { name: 'DD_DOTNET_TRACER_HOME', value: '/opt/datadog', accepts: anything },
    {
      name: 'LD_PRELOAD',
      value: LD_PRELOAD_WRAPPER,
      accepts: (v) => v.includes('Datadog.Linux.ApiWrapper'),
      // LD_PRELOAD is a list: keep the libraries already preloaded.
      merge: (current) => (current.trim() ? `${current.trim()}:` : '') + LD_PRELOAD_WRAPPER,
    },
  ];
}

/** A service name as tags accept it, from a compose service, a container or a folder name. */
export function serviceName(raw: string | undefined): string {
  const cleaned = (raw ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '');
  return cleaned.length > 0 ? cleaned.slice(0, 100) : 'my-service';
}
