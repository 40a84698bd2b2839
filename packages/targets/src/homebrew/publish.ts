/**
 * Homebrew: Formula/<formula>.rb in the tap, one commit per release (Contents API on GitHub,
 * git push elsewhere); skip, hotfix, force and rollback rules in binaries/manifest-repo.ts.
 */
import { manifestMeta, packageName } from '../binaries/manifest-meta.js';
import { publishManifest, readLocation, rollbackManifest } from '../binaries/manifest-repo.js';
import { requireBinaries } from '../binaries/release.js';
import type { Publish, Rollback } from '../publish-types.js';
import { FORMULA_NAME, renderFormula } from './formula.js';
import { HOMEBREW, formulaFormat } from './kind.js';

export const publish: Publish = async (settings, ctx) => {
  const location = readLocation(HOMEBREW, settings, ctx.env);
  // A formula name that is set is checked before anything is sent; the default is the binary.
  if (settings.formula) packageName(settings.formula, 'formula', '', FORMULA_NAME);
  const release = await requireBinaries(ctx);
  const name = packageName(settings.formula, 'formula', release.binary.toLowerCase(), FORMULA_NAME);
  const meta = manifestMeta(settings, release);
  const text = renderFormula(name, release, meta);
  return publishManifest(location, formulaFormat(name), ctx, name, () => text);
};

export const rollback: Rollback = async (settings, ctx) => {
  const location = readLocation(HOMEBREW, settings, ctx.env);
  const name = packageName(settings.formula, 'formula', '', FORMULA_NAME);
  return rollbackManifest(location, formulaFormat(name), ctx, name);
};
