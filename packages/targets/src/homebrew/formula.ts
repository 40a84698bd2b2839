/**
 * A Homebrew formula for prebuilt archives: `Formula/<name>.rb` with desc, homepage, version,
 * license, one url + sha256 per OS and CPU (on_macos / on_linux x on_intel / on_arm), the
 * binary installed into bin, and a test that runs `<binary> --version`.
 */
import { InputError } from '@deploy-actions/action-kit/errors';
import { archivesFor, binaryFile, type BinaryRelease } from '../binaries/release.js';
import type { ManifestMeta } from '../binaries/manifest-meta.js';

/** Homebrew's formula names: lower case, digits, - _ . +, optionally @version (openssl@3). */
export const FORMULA_NAME = /^[a-z0-9][a-z0-9._+-]*(?:@[0-9][0-9.]*)?$/;

/** The class name Homebrew derives from the file name (Formulary.class_s). */
export function formulaClass(name: string): string {
  let out = name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();
  out = out.replace(/[-_.\s]([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  out = out.replace(/\+/g, 'x');
  out = out.replace(/(.)@(\d)/, '$1AT$2');
  return out;
}

/** A double-quoted Ruby string literal: no interpolation, no escapes reach Ruby unquoted. */
export function rubyString(text: string): string {
  const body = text.replace(/[\\"#\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\\' || c === '"' || c === '#') return `\\${c}`;
    return `\\u{${c.charCodeAt(0).toString(16)}}`;
  });
  return `"${body}"`;
}

const ARCH_BLOCK: Record<string, string> = { amd64: 'on_intel', arm64: 'on_arm' };
const OS_BLOCK: Record<string, string> = { darwin: 'on_macos', linux: 'on_linux' };

export function renderFormula(name: string, release: BinaryRelease, meta: ManifestMeta): string {
  const lines = [
    '# typed: false',
    '# frozen_string_literal: true',
    '',
    `# Written by deploy-actions from the release ${release.tag} of ${release.repository}; the next release rewrites it.`,
    `class ${formulaClass(name)} < Formula`,
    `  desc ${rubyString(meta.description)}`,
    `  homepage ${rubyString(meta.homepage)}`,
    `  version ${rubyString(release.version)}`,
    ...(meta.license ? [`  license ${rubyString(meta.license)}`] : []),
  ];
  let platforms = 0;
  for (const os of ['darwin', 'linux']) {
    const archives = archivesFor(release, os).filter((a) => ARCH_BLOCK[a.arch] && a.format === 'tar.gz');
    if (!archives.length) continue;
    lines.push('', `  ${OS_BLOCK[os]} do`);
    archives.forEach((a, i) => {
      if (i) lines.push('');
      lines.push(
        `    ${ARCH_BLOCK[a.arch]} do`,
        `      url ${rubyString(a.url)}`,
        `      sha256 ${rubyString(a.sha256)}`,
        '    end',
      );
      platforms++;
    });
    lines.push('  end');
  }
  if (!platforms)
    throw new InputError(
      'release',
      `the release ${release.tag} has no macOS or Linux archive for amd64 or arm64, so a formula has nothing to install`,
      'Add darwin/amd64, darwin/arm64, linux/amd64 or linux/arm64 to build.platforms.',
    );
  const binary = binaryFile(release, 'darwin');
  lines.push(
    '',
    '  def install',
    `    bin.install ${rubyString(binary)}`,
    '  end',
    '',
    '  test do',
    // Interpolation of bin is Homebrew's own; the binary's name is escaped like any string.
    `    system "#{bin}/${rubyString(binary).slice(1, -1)}", "--version"`,
    '  end',
    'end',
    '',
  );
  return lines.join('\n');
}

/** The version a formula names (`version "1.2.3"`), if any. */
export function formulaVersion(text: string): string | undefined {
  return /^\s*version\s+"([^"\\]+)"\s*$/m.exec(text)?.[1];
}
