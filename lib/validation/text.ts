import { z } from 'zod';

// C0 controls (NUL, escape, …), DEL and C1 controls. A NUL reached PostgreSQL and failed the request with a 500;
// the others have no place in a name, an address or a search either.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Multi-line text may keep its line breaks and tabs.
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const CONTROL_CHARACTERS_MESSAGE = 'Remove the control characters (such as a NUL byte) from this text.';

function hasControlCharacters(value: string, { multiline = false } = {}): boolean {
  return (multiline ? CONTROL_BUT_LINES : CONTROL).test(value);
}

// Every text input starts here: a string that refuses control characters (a 400 from the API, a field error in a
// form). Trimmed first by default, so a tab or line break pasted at either end is dropped rather than refused.
export function text({ trim = true, multiline = false }: { trim?: boolean; multiline?: boolean } = {}) {
  const base = trim ? z.string().trim() : z.string();
  return base.refine((value) => !hasControlCharacters(value, { multiline }), { error: CONTROL_CHARACTERS_MESSAGE });
}

// An id in a URL, a query or a body: what our ids are made of (cuid, or a prefix and hex digits, lib/db/ids.ts).
export function rowId(message: string) {
  return z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9_-]+$/, message);
}
