#!/usr/bin/env bash
# The install a user gets, tried as a user would: pack the tarball (`npm pack`, which builds), install
# it into an empty folder twice — with the optional packages, and with `--omit=optional`, which also
# drops sharp's platform binary — and run `demo` and `files` on a bundled sample photo in each.
# Expected: with everything, both exit 0; without the optional packages, demo still exits 0 and
# names the sample files it could not check, and `files` on a photo exits 2 with the sentence saying
# what to install (never 内部错误). Any other outcome fails the run. Needs only the npm registry
# (the packages come from npm's cache when `npm ci` has just run). Called by .ci/run after the tests.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/shegong-install-XXXXXX")"
trap 'rm -rf "$work"' EXIT
started=$SECONDS

fail() {
  echo "check-install: $*" >&2
  exit 1
}

(cd "$root" && npm pack --silent --pack-destination "$work" >/dev/null 2>"$work/pack.log") ||
  { cat "$work/pack.log" >&2; fail 'npm pack failed'; }
tgz="$(ls "$work"/shegong-*.tgz)"
sample='node_modules/shegong/templates/demo/files/照片.jpg'
remedy='npm install --include=optional sharp'

# install FOLDER [npm flags…]: an empty project folder with the tarball installed into it.
install() {
  local folder="$work/$1"
  shift
  mkdir -p "$folder"
  echo '{ "name": "try-shegong", "private": true }' >"$folder/package.json"
  (cd "$folder" && npm install --no-audit --no-fund --loglevel=error "$@" "$tgz" >"$folder/install.log" 2>&1) ||
    { cat "$folder/install.log" >&2; fail "npm install $* failed"; }
}

# run_in FOLDER CODE COMMAND…: run the installed bin there, check its exit code and that no run
# ends in an internal error; its stdout and stderr are left in FOLDER/out and FOLDER/err.
run_in() {
  local label="$1" folder="$work/$1" want="$2" got=0
  shift 2
  (cd "$folder" && ./node_modules/.bin/shegong "$@" >"$folder/out" 2>"$folder/err") || got=$?
  if [[ "$got" != "$want" ]] || grep -q '内部错误' "$folder/err"; then
    cat "$folder/out" "$folder/err" >&2
    fail "$label: shegong $* exited $got, expected $want"
  fi
  echo "check-install: $label: shegong $* → exit $got"
}

install full
run_in full 0 demo
grep -q '报名准备清单' "$work/full/out" || fail 'full: demo printed no checklist'
run_in full 0 files "$sample"
SHEGONG_ML=off run_in full 0 files "$sample"

install no-optional --omit=optional
if (cd "$work/no-optional" && node -e "require('sharp')" 2>/dev/null); then
  fail 'no-optional: sharp still loads, so this step no longer tries an install without it'
fi
run_in no-optional 0 demo
grep -q '报名准备清单' "$work/no-optional/out" || fail 'no-optional: demo printed no checklist'
grep -q "$remedy" "$work/no-optional/err" || fail 'no-optional: demo did not say what to install'
run_in no-optional 2 files "$sample"
grep -q "$remedy" "$work/no-optional/err" || fail 'no-optional: files did not say what to install'
run_in no-optional 0 dates --province 广东

echo "check-install: the packed tarball installs and runs with and without optional packages ($((SECONDS - started)) s)"
