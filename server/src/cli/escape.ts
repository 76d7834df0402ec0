/**
 * Terminal safety: file names and file content reach the terminal through paths, messages that quote
 * a value and `--fix-dry-run` diffs. A raw ESC or C1 byte there is an instruction to the terminal
 * (OSC 52 writes the clipboard, CSI sequences rewrite what was printed), and bidirectional overrides
 * make a line read differently from what it holds. Everything such is shown as a visible escape.
 */

// C0 controls except tab and newline, DEL, C1 controls, line/paragraph separators, bidi controls.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `\x1b`-style escapes for control characters, `\u202e`-style for the rest; other text unchanged. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/**
 * For JSON and SARIF: `JSON.stringify` escapes C0 controls but writes C1 controls and bidi overrides
 * raw. Escaping them as `\uXXXX` keeps the document the same JSON value.
 */
export function escapeJsonOutput(json: string): string {
  return json.replace(/[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
