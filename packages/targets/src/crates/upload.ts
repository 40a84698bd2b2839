/**
 * One crate's upload, safe to retry: `cargo publish` once; when it fails in a way that may be
 * transient, the index is asked (for as long as the backoff lasts) whether the upload landed
 * before cargo is run again, so a version is never sent twice. Then wait for the index to list
 * it, because the next crate of a workspace resolves against the index.
 */
import { RegistryError } from '@deploy-actions/action-kit/errors';
import type { Reporter } from '@deploy-actions/action-kit/log';
import { cargoErrorSummary, classifyCargoFailure, publishArgs, runCargo, type Cargo } from './cargo.js';
import type { CratesSettings } from './read-settings.js';
import type { WorkspaceCrate } from './workspace.js';
import { dirname } from 'node:path';

/** How the version got there: our upload, our upload whose answer was lost, or someone else's. */
export interface UploadResult {
  outcome: 'published' | 'landed' | 'raced';
  /** Whether the index is known to list it already (cargo waited for it, or we saw it). */
  confirmed: boolean;
}

export interface UploadContext {
  cargo: Cargo;
  settings: CratesSettings;
  token: string;
  trusted: boolean;
  version: string;
  reporter: Reporter;
  env: NodeJS.ProcessEnv;
  /** Whether the index lists this crate at `version` now (asking past caches). */
  inIndex(crate: string): Promise<boolean>;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = Number(env[name]);
  return env[name] !== undefined && env[name] !== '' && Number.isFinite(value) && value >= 0
    ? value
    : fallback;
}

/**
 * Ask the index until it lists the crate, for up to `ms`: first after 250 ms, then twice as long
 * each time up to 4 s (an index usually catches up within a second or two; cargo polls likewise).
 */
async function seenWithin(context: UploadContext, crate: string, ms: number): Promise<boolean> {
  const sleep = context.sleep ?? defaultSleep;
  const deadline = Date.now() + ms;
  for (let pause = 250; ; pause = Math.min(4000, pause * 2)) {
    if (await context.inIndex(crate)) return true;
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await sleep(Math.min(pause, left));
  }
}

export async function uploadCrate(crate: WorkspaceCrate, context: UploadContext): Promise<UploadResult> {
  const { settings } = context;
  // The same bounds as every HTTP call (DEPLOY_ACTIONS_HTTP_*), with a slower base: a registry
  // that failed an upload usually needs seconds, not milliseconds.
  const retries = envNumber(context.env, 'DEPLOY_ACTIONS_HTTP_RETRIES', 3);
  const baseDelay = envNumber(context.env, 'DEPLOY_ACTIONS_HTTP_BACKOFF_MS', 2000);
  const args = publishArgs({
    manifest: crate.manifest,
    registryName: settings.registryName,
    verify: settings.verify,
    allowDirty: settings.allowDirty,
  });
  for (let attempt = 0; ; attempt++) {
    const result = await runCargo(context.cargo, args, {
      cwd: dirname(crate.manifest),
      tokenEnv: settings.tokenEnv,
      token: context.token,
      reporter: context.reporter,
    });
    if (result.code === 0 && !result.timedOut) {
      // Since 1.66 cargo polls the index after the upload and prints this once it is there.
      const confirmed = result.stderr.includes(`Published ${crate.name} v${crate.version}`);
      return { outcome: 'published', confirmed };
    }
    const failure = classifyCargoFailure(result);
    const summary = cargoErrorSummary(result);
    if (failure === 'auth')
      throw new RegistryError(
        settings.label,
        `refused to publish ${crate.name} ${context.version}: ${summary}`,
        context.trusted
          ? "Check the crate's trusted publisher on crates.io: it must name this repository and workflow file."
          : `Check the token (the \`token\` input, ${settings.tokenEnv === 'CARGO_REGISTRY_TOKEN' ? '' : `${settings.tokenEnv}, `}CARGO_REGISTRY_TOKEN or \`token-env\`): it must be valid for this registry and allowed to publish this crate (scope publish-update, or publish-new for a first release).`,
        403,
      );
    if (failure === 'exists') {
      // A concurrent run, or our own earlier attempt the registry did take: it is there now.
      if (await seenWithin(context, crate.name, settings.indexTimeoutMs))
        return { outcome: attempt === 0 ? 'raced' : 'landed', confirmed: true };
      throw new Error(
        `cargo publish of ${crate.name} ${context.version} was refused as already published, but the index does not list it: ${summary}`,
      );
    }
    if (failure === 'fatal' || attempt >= retries)
      throw new Error(
        `cargo publish of ${crate.name} ${context.version} failed${attempt ? ` after ${attempt + 1} attempts` : ''}: ${summary}`,
      );
    const delay = Math.min(30_000, baseDelay * 2 ** attempt);
    context.reporter.warning(
      `${crate.name} ${context.version}: upload failed (${summary}); checking the index before retry ${attempt + 1}/${retries}`,
    );
    if (await seenWithin(context, crate.name, delay)) return { outcome: 'landed', confirmed: true };
  }
}

/** Wait until the index lists the crate (cargo resolves the next crate's dependency there). */
export async function waitForIndex(crate: WorkspaceCrate, context: UploadContext): Promise<boolean> {
  return seenWithin(context, crate.name, context.settings.indexTimeoutMs);
}
