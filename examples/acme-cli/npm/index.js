// The release archive of acme for a platform (Node's process.platform / process.arch).
const { version } = require('./package.json');

const OS = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
const ARCH = { x64: 'amd64', arm64: 'arm64' };

function archiveUrl(platform = process.platform, arch = process.arch) {
  const os = OS[platform];
  const goarch = ARCH[arch];
  if (!os || !goarch) throw new Error(`acme is not built for ${platform}/${arch}`);
  const ext = os === 'windows' ? 'zip' : 'tar.gz';
  return `https://github.com/acme/acme-cli/releases/download/v${version}/acme_${version}_${os}_${goarch}.${ext}`;
}

module.exports = { version, archiveUrl };
