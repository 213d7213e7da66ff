/**
 * Rules for every text the plugin stores or matches (DESIGN §9 rule 5):
 * no NUL, no control characters, no bidirectional controls, not empty once
 * invisible characters are removed, and lengths counted in characters
 * (Unicode code points), not UTF-16 units.
 */

// C0 and C1 controls (tab, line feed and carriage return are allowed only
// where a caller says so, e.g. a multi-line message).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u
const CONTROL_EXCEPT_NEWLINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u
// Bidirectional formatting and isolates (Trojan Source, CVE-2021-42574).
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u
// Characters that render as nothing: a value made only of them is blank.
const INVISIBLE = /[\s\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180e\u200b-\u200f\u2028-\u202f\u205f-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/gu

export type TextRules = {
  /** Maximum length in characters (code points). */
  max?: number
  /** Allow tab, line feed and carriage return (multi-line text). */
  multiline?: boolean
}

const describe = (char: string) =>
  char === "\u0000"
    ? "a NUL character"
    : `the control character U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`

/** Length in characters (code points): 128 emoji are 128, not 256. */
export const characterLength = (value: string) => Array.from(value).length

/**
 * Why `value` can't be stored as text, or null when it can. The reason is a
 * phrase to follow the field's name, e.g. `company contains a NUL character`.
 */
export function textProblem(value: string, rules: TextRules = {}): string | null {
  const control = (rules.multiline ? CONTROL_EXCEPT_NEWLINES : CONTROL).exec(value)
  if (control) {
    return `contains ${describe(control[0])}`
  }
  const bidi = BIDI.exec(value)
  if (bidi) {
    return `contains a bidirectional control character (U+${bidi[0].codePointAt(0)!.toString(16).toUpperCase()})`
  }
  if (!value.replace(INVISIBLE, "")) {
    return "is empty"
  }
  if (rules.max !== undefined && characterLength(value) > rules.max) {
    return `is longer than ${rules.max} characters (${characterLength(value)})`
  }
  return null
}

/** True when the value has nothing visible (spaces and invisible characters only). */
export const isBlankText = (value: string) => !value.replace(INVISIBLE, "")
