/**
 * The vocabulary of "Enable Datadog profiling…": what the editor asks (which runtimes and places fit
 * this file) and what the core answers (one structural edit, plus the existing values it would change).
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Catalog } from '../../catalog/catalog.js';
import type { ExtractResult, FormatId, Runtime, Surface } from '../../types.js';
import type { LineIndex } from '../../text/lineIndex.js';
import type { Parsers } from '../../types.js';

/** A place in the file that configures one process: a compose service, a k8s container, the file. */
export interface SetupTarget {
  readonly scope: string;
  readonly label: string;
  /** A name the service tag can default to (the compose service, the container). */
  readonly service?: string;
  /** The runtime this place runs, from its image, commands or file type. */
  readonly detected?: Runtime;
  /** Scopes whose settings this place inherits (a Dockerfile stage built `FROM` an earlier one). */
  readonly inherits?: readonly string[];
}

/** What the editor shows before planning: the runtimes that fit, the one detected, the places. */
export interface SetupChoices {
  readonly format: FormatId;
  readonly runtimes: readonly Runtime[];
  readonly detected?: Runtime;
  readonly targets: readonly SetupTarget[];
  /** Whether the file already turns the profiler on somewhere. */
  readonly enabled: boolean;
  /** Why nothing can be planned for this file, when that is the case. */
  readonly unsupported?: string;
}

export interface SetupRequest {
  readonly runtime: Runtime;
  /** The scope of the chosen target; the first target when omitted. */
  readonly target?: string;
  /** `DD_SERVICE`; derived from the target or the folder when omitted. */
  readonly service?: string;
  /** `DD_ENV`; not written when omitted. */
  readonly env?: string;
}

/** An existing value that contradicts the setup, and the edit that would change it. */
export interface SetupChange {
  readonly name: string;
  readonly current: string;
  readonly proposed: string;
  readonly edit: TextEdit;
}

export interface SetupPlan {
  /** The insertion: only the settings that are missing. Empty when everything is already there. */
  readonly edits: readonly TextEdit[];
  readonly added: readonly string[];
  /** Settings already set to a value that works, left as they are. */
  readonly kept: readonly string[];
  /** Settings set to a value that defeats the setup; applied only if the user agrees. */
  readonly changes: readonly SetupChange[];
  /** Set when the file offers no place for the setup; `edits` is then empty. */
  readonly error?: string;
}

/** One setting the setup writes, named on the format's surface, with its value as the runtime reads it. */
export interface Entry {
  readonly name: string;
  readonly value: string;
}

/** What a format's planner gets: the parsed file and how to write in it. */
export interface FormatInput {
  readonly text: string;
  readonly index: LineIndex;
  readonly eol: string;
  readonly extracted: ExtractResult;
  readonly fileName: string;
  readonly parsers: Parsers;
  readonly catalog: Catalog;
}

/** A format's part: the runtimes that fit, the surface it writes, its places, and the insertion. */
export interface FormatPlanner {
  readonly runtimes: readonly Runtime[];
  readonly surface: Surface;
  /** Windows formats get the Windows .NET setup. */
  readonly platform: 'linux' | 'windows' | 'iis';
  targets(input: FormatInput): readonly SetupTarget[];
  /** Why the file has no place for the setup, if so (an empty web.config gets a skeleton instead). */
  unsupported?(input: FormatInput): string | undefined;
  /** The edits, or why this place cannot take them. */
  insert(input: FormatInput, target: SetupTarget, entries: readonly Entry[], runtime: Runtime): TextEdit[] | string;
}
