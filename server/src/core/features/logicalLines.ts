/**
 * Lines that the format reads as one: a shell or Dockerfile command continued with `\`, a batch line
 * continued with `^`, a PowerShell line continued with a backtick, an XML start tag spread over
 * several lines, a heredoc's body (HCL, shell, Ruby: `<<EOF` ending its line). A suppression comment can only go above such a group, never inside it (a comment
 * after `\` ends the command; one inside a start tag is malformed XML), and a directive above the
 * group covers all of its lines.
 */

const CONTINUED = /(?:^|[^\\])(?:\\\\)*\\$|[\^`]$/;

/** For each line, the index of the first line of the group it belongs to. */
export function logicalLineStarts(lines: readonly string[], xml: boolean): number[] {
  const starts: number[] = [];
  const tags = xml ? openTagAtLineStart(lines) : undefined;
  const bodies = heredocBodies(lines);
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const joined =
      i > 0 && ((previous !== undefined && CONTINUED.test(previous)) || tags?.[i] === true || bodies[i] === true);
    starts.push(joined ? (starts[i - 1] ?? i) : i);
  });
  return starts;
}

const HEREDOC = /<<[-~]?(["']?)([A-Za-z_]\w*)\1\s*$/;

/** For each line, whether it is in the body of a heredoc opened on an earlier line (its end marker included). */
function heredocBodies(lines: readonly string[]): boolean[] {
  let marker: string | undefined;
  return lines.map((line) => {
    if (marker !== undefined) {
      if (line.trim() === marker) marker = undefined;
      return true;
    }
    marker = HEREDOC.exec(line)?.[2];
    return false;
  });
}

/** Whether a text is XML, where start tags may span lines. */
export function looksLikeXml(text: string): boolean {
  return /^\uFEFF?\s*</.test(text);
}

/** For each line, whether it begins inside a start tag opened on an earlier line. */
function openTagAtLineStart(lines: readonly string[]): boolean[] {
  let state: 'text' | 'tag' | 'comment' = 'text';
  let quote = '';
  return lines.map((line) => {
    const inTag = state === 'tag';
    let i = 0;
    while (i < line.length) {
      const c = line[i];
      if (state === 'comment') {
        if (line.startsWith('-->', i)) state = 'text';
      } else if (state === 'tag') {
        if (quote) quote = c === quote ? '' : quote;
        else if (c === '"' || c === "'") quote = c;
        else if (c === '>') state = 'text';
      } else if (line.startsWith('<!--', i)) state = 'comment';
      else if (c === '<' && /[A-Za-z_]/.test(line[i + 1] ?? '')) state = 'tag';
      i++;
    }
    return inTag;
  });
}
