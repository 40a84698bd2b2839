/**
 * Every secret the process has read. Masking tells the runner to hide it; redaction is our own
 * second line of defence for anything we print or write ourselves.
 */
const known = new Set<string>();
let onAdd: ((secret: string) => void) | undefined;

/** Register a secret; the runner is told to mask it (once wired by the action kit). */
export function addSecret(secret: string | undefined): void {
  if (!secret) return;
  for (const part of [secret, ...secret.split(/\r?\n/)]) {
    const value = part.trim();
    if (value.length < 4 || known.has(value)) continue;
    known.add(value);
    onAdd?.(value);
  }
}

export function onSecretAdded(fn: (secret: string) => void): void {
  onAdd = fn;
  for (const secret of known) fn(secret);
}

/** Replace every known secret in `text` with `***`. */
export function redact(text: string): string {
  let out = text;
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join('***');
  return out;
}
