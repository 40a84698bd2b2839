#!/usr/bin/env bash
# One platform of acme's build, as deploy-actions' build: runs it: DEPLOY_OS/DEPLOY_ARCH pick
# the platform, the binary goes into DEPLOY_OUT. Go cross-compiles every platform from Linux.
# Reproducible: no cgo, no paths or VCS stamps in the binary, fixed flags, so the same source
# and version give the same bytes on any machine.
set -euo pipefail
: "${DEPLOY_OS:?run through deploy-actions build}" "${DEPLOY_ARCH:?}" "${DEPLOY_OUT:?}" "${DEPLOY_VERSION:?}"

# Go's caches default to the home folder: keep them in the job's temp (or a cache folder the
# caller names), so the build works as any user and offline (acme has no dependencies).
cache="${ACME_GO_CACHE:-${RUNNER_TEMP:-${TMPDIR:-/tmp}}/acme-go}"
export GOCACHE="${GOCACHE:-$cache/build}" GOPATH="${GOPATH:-$cache/path}"
export GOFLAGS='-mod=mod -trimpath -buildvcs=false' GOPROXY=off GOTOOLCHAIN=local CGO_ENABLED=0
export GOOS="$DEPLOY_OS" GOARCH="$DEPLOY_ARCH"

binary=acme
[ "$DEPLOY_OS" = windows ] && binary=acme.exe
cd "$(dirname "$0")/.."
go build -ldflags "-s -w -buildid= -X main.version=$DEPLOY_VERSION" -o "$DEPLOY_OUT/$binary" .
cp README.md LICENSE "$DEPLOY_OUT/"
echo "built $binary for $DEPLOY_OS/$DEPLOY_ARCH"
