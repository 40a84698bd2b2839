/**
 * What distribution file names say: companions that are never uploaded on their own, a wheel's
 * fields, the project a file belongs to. (The `dist` globs are action-kit/glob's.)
 */

/** Files that sit beside distributions and are never uploaded themselves. */
export const isCompanionFile = (filename: string) =>
  /\.(asc|sig|sigstore|attestation|publish\.attestation)$/.test(filename);

/** PEP 427: `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`. */
export function parseWheelFilename(
  filename: string,
): { name: string; version: string; python: string; abi: string; platform: string } | undefined {
  const parts = filename.replace(/\.whl$/, '').split('-');
  if (parts.length !== 5 && parts.length !== 6) return undefined;
  const [name, version] = parts;
  const [python, abi, platform] = parts.slice(-3);
  return { name, version, python, abi, platform };
}

/**
 * The project a distribution belongs to, from its file name alone (no unpacking): a wheel's
 * first field, an sdist's name before its last `-`. Names compare by their PEP 503 form, which
 * `_` and `-` share, so `acme_app-1.0-py3-none-any.whl` names the project acme-app.
 */
export function projectFromFilename(filename: string): string | undefined {
  const base = filename.slice(filename.lastIndexOf('/') + 1);
  if (base.endsWith('.whl')) return parseWheelFilename(base)?.name.replace(/_/g, '-') || undefined;
  const stem = /^(.+)\.(tar\.gz|zip)$/.exec(base)?.[1];
  const dash = stem?.lastIndexOf('-') ?? -1;
  return stem && dash > 0 ? stem.slice(0, dash).replace(/_/g, '-') : undefined;
}
