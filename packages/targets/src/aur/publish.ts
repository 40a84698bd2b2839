/**
 * AUR: a PKGBUILD (+ .SRCINFO) that installs the release's Linux binary, pushed to the
 * package's git repository over ssh (key from AUR_SSH_PRIVATE_KEY, host key pinned by
 * `known-hosts`). Published = the .SRCINFO at the head of master has this pkgver. Rollback pushes
 * the previous PKGBUILD again as a new commit with its pkgrel bumped.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { describeValue } from '@deploy-actions/action-kit/errors';
import { archivesFor, requireBinaries, type BinaryRelease } from '../binaries/release.js';
import { isSshUrl, updateRepo, type GitCheckout, type GitRepoOptions } from '../git/repo.js';
import {
  semverOf,
  type Publish,
  type PublishContext,
  type PublishResult,
  type Rollback,
  type RollbackContext,
} from '../publish-types.js';
import { asPkgver } from './client.js';
import {
  PACKAGE_NAME,
  PACMAN_ARCH,
  pkgverOf,
  readSrcinfo,
  renderPkgbuild,
  renderSrcinfo,
  withPkgrel,
  type PkgbuildFields,
} from './pkgbuild.js';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

interface AurSettings {
  pkg: string;
  url: string;
  knownHosts?: string;
  key?: string;
}

const KEY_HINT =
  'Set AUR_SSH_PRIVATE_KEY (a secret) to the private key whose public half is in your AUR account (My Account > SSH Public Key).';

/** Everything checked before any request: the package name, the git URL, the key and host key. */
function readSettings(
  settings: Record<string, unknown>,
  context: Pick<PublishContext, 'token' | 'dryRun' | 'reporter'>,
): AurSettings {
  const pkg = text(settings.package);
  if (!pkg) throw InputError.missing('package', 'Set package: to the AUR package name, e.g. acme-bin.');
  if (!PACKAGE_NAME.test(pkg))
    throw InputError.bad(
      'package',
      pkg,
      'is not an AUR package name',
      'Use lower-case letters, digits and @ . _ + - (not first), e.g. acme-bin.',
    );
  for (const input of ['description', 'license', 'homepage'])
    if (/[\x00-\x1f\x7f]/.test(String(settings[input] ?? '').trim()))
      throw InputError.bad(
        input,
        settings[input],
        'contains a line break or control character',
        'Use one line of plain text.',
      );
  const url = text(settings.registry) ?? `ssh://aur@aur.archlinux.org/${pkg}.git`;

  if (
    /[\s\x00-\x1f\x7f]/.test(url) ||
    url.startsWith('-') ||
    !/^(ssh|https?|file):\/\/|^[\w.-]+@[\w.-]+:/.test(url)
  )
    throw InputError.bad(
      'registry',
      url,
      'is not a git URL',
      'Use ssh://aur@aur.archlinux.org/<package>.git.',
    );
  const knownHosts = text(settings['known-hosts']);
  const key = context.token;
  if (isSshUrl(url)) {
    const missing = !key
      ? InputError.missing('token', KEY_HINT)
      : !knownHosts
        ? InputError.missing(
            'known-hosts',
            `Pin the host key of ${describeValue(url)}: the line \`ssh-keyscan aur.archlinux.org\` prints, checked against the fingerprints on the AUR's home page. Host keys are never accepted unseen.`,
          )
        : undefined;
    if (missing) {
      if (!context.dryRun) throw missing;
      context.reporter.warning(`aur: ${missing.message} (a real run stops here)`);
    }
    if (key && !/^-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key.trim()))
      throw new InputError(
        'token',
        'is not an ssh private key (no -----BEGIN ... PRIVATE KEY----- line)',
        KEY_HINT,
      );

    if (
      knownHosts &&
      (/[\x00-\x09\x0b-\x1f\x7f]/.test(knownHosts) || !/^\S+ (ssh-|ecdsa-|sk-)\S+ \S+/m.test(knownHosts))
    )
      throw new InputError(
        'known-hosts',
        'is not a known_hosts line (host, key type, base64 key)',
        'Use what `ssh-keyscan HOST` prints, e.g. `aur.archlinux.org ssh-ed25519 AAAA...`.',
      );
  }
  return { pkg, url, knownHosts, key };
}

export function pkgbuildFields(
  release: BinaryRelease,
  settings: Record<string, unknown>,
  pkg: string,
  pkgver: string,
  pkgrel: number,
): PkgbuildFields {
  const linux = archivesFor(release, 'linux');
  if (!linux.length)
    throw new InputError(
      'release',
      `the release ${release.tag} has no Linux archive for the AUR package`,
      'Add linux/amd64 (and linux/arm64) to build.platforms.',
    );
  const sources = linux.map((a) => {
    const arch = PACMAN_ARCH[a.arch];
    if (!arch)
      throw new InputError(
        'release',
        `the platform ${a.platform} has no pacman architecture`,
        `Arch Linux builds for ${Object.keys(PACMAN_ARCH).join(', ')}; drop the others from build.platforms or use another target for them.`,
      );
    if (!a.format.startsWith('tar')) throw new InputError('release', `${a.name} is not a .tar.gz archive`);
    return { arch, url: a.url, sha256: a.sha256 };
  });
  return {
    pkgname: pkg,
    pkgver,
    pkgrel,
    pkgdesc: text(settings.description) ?? release.description ?? `${release.binary} (prebuilt binary)`,
    url: text(settings.homepage) ?? release.homepage ?? release.repositoryUrl,
    license: text(settings.license) ?? release.license ?? 'custom',
    binary: release.binary,
    sources,
    origin: `Generated by deploy-actions from the ${release.repository} ${release.tag} release archives.`,
  };
}

const files = (f: PkgbuildFields) => ({ PKGBUILD: renderPkgbuild(f), '.SRCINFO': renderSrcinfo(f) });

function repoOptions(s: AurSettings, context: Pick<PublishContext, 'tempDir' | 'reporter'>): GitRepoOptions {
  return {
    url: s.url,
    branch: 'master', // the AUR takes master only
    auth: { sshKey: s.key, knownHosts: s.knownHosts },
    tempDir: context.tempDir,
    reporter: context.reporter,
    input: 'registry',
  };
}

/** The .SRCINFO at the head, read and checked to be this package's. */
function headOf(checkout: GitCheckout, pkg: string) {
  const srcinfo = checkout.read('.SRCINFO');
  const head = srcinfo ? readSrcinfo(srcinfo) : {};
  if (head.pkgbase && head.pkgbase !== pkg)
    throw new InputError(
      'package',
      `the repository holds ${describeValue(head.pkgbase)}, not ${pkg}`,
      'Check registry: and package:.',
    );
  return head;
}

export const publish: Publish = async (settings, context) => {
  const s = readSettings(settings, context);
  const pkgver = pkgverOf(semverOf(context.version, 'the AUR'));
  // A build without a Linux platform is refused here, before any request.
  const release = await requireBinaries(context, 'linux');
  const page = `https://aur.archlinux.org/packages/${s.pkg}`;

  if (context.dryRun) {
    const out = files(pkgbuildFields(release, settings, s.pkg, pkgver, 1));
    for (const [name, body] of Object.entries(out))
      context.reporter.info(`aur: would write ${name}:\n${body}`);
    context.reporter.info(
      `aur: would clone ${s.url} (branch master), compare its .SRCINFO with ${pkgver}-1, commit "Update to ${pkgver}-1" and push it`,
    );
    return { status: 'dry-run', url: page, notes: [`would push ${s.pkg} ${pkgver}-1 to ${s.url}`] };
  }

  return updateRepo<PublishResult>(repoOptions(s, context), KEY_HINT, async (checkout) => {
    const head = headOf(checkout, s.pkg);
    if (head.pkgver === pkgver && !context.force)
      return {
        result: {
          status: 'skipped' as const,
          url: page,
          notes: [`${s.pkg} ${head.pkgver}-${head.pkgrel} is already at the head of ${s.url}`],
        },
      };
    // Forcing the same pkgver: a new pkgrel, so AUR helpers see an update and rebuild.
    const pkgrel = head.pkgver === pkgver ? Number(head.pkgrel ?? '0') + 1 || 1 : 1;
    const f = pkgbuildFields(release, settings, s.pkg, pkgver, pkgrel);
    return {
      files: files(f),
      message: `Update to ${pkgver}-${pkgrel}`,
      result: {
        status: 'published' as const,
        url: page,
        notes: [`pushed ${s.pkg} ${pkgver}-${pkgrel} to ${s.url}`],
      },
    };
  });
};

/**
 * The PKGBUILD (and .SRCINFO) of the previous version (or `toVersion`), pushed as a new commit
 * with pkgrel one above that version's. pacman never downgrades by itself: users who installed
 * the bad version keep it until they reinstall (the README says so).
 */
export const rollback: Rollback = async (settings, context: RollbackContext) => {
  const s = readSettings(settings, { ...context, dryRun: context.dryRun });
  return updateRepo(repoOptions(s, context), KEY_HINT, async (checkout) => {
    const head = headOf(checkout, s.pkg);
    if (!head.pkgver)
      throw new InputError('package', `${s.url} has no .SRCINFO at the head of master: nothing to roll back`);
    const bad = context.badVersion ? asPkgver(context.badVersion) : head.pkgver;
    const wanted = context.toVersion ? asPkgver(context.toVersion) : undefined;
    const srcinfos = await checkout.history('.SRCINFO', 20);
    const pkgbuilds = new Map((await checkout.history('PKGBUILD', 20)).map((h) => [h.commit, h.text]));
    const previous = srcinfos.find((h) => {
      const v = readSrcinfo(h.text).pkgver;
      return v !== undefined && v !== bad && (!wanted || v === wanted) && pkgbuilds.has(h.commit);
    });
    if (!previous)
      throw new InputError(
        'version',
        `${s.url} has no earlier PKGBUILD${wanted ? ` of ${wanted}` : ` than ${bad}`} in its last 20 commits`,
        'Name a version the repository had (to-version).',
      );
    const was = readSrcinfo(previous.text);
    const pkgrel = Number(was.pkgrel ?? '0') + 1;
    const action = `aur: ${s.pkg} ${head.pkgver}-${head.pkgrel} -> ${was.pkgver}-${pkgrel} (the PKGBUILD of ${previous.commit.slice(0, 12)}, pkgrel bumped)`;
    if (context.dryRun) return { result: { rolledBackTo: was.pkgver!, actions: [`would push ${action}`] } };
    return {
      files: {
        PKGBUILD: withPkgrel(pkgbuilds.get(previous.commit)!, pkgrel),
        '.SRCINFO': previous.text.replace(/^\tpkgrel = .*$/m, `\tpkgrel = ${pkgrel}`),
      },
      message: `Roll back to ${was.pkgver}-${pkgrel}${context.reason ? `: ${context.reason.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`,
      result: { rolledBackTo: was.pkgver!, actions: [action] },
    };
  });
};
