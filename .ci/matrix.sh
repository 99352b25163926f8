#!/usr/bin/env bash
# Version matrix: the type check and the whole jest suite against other versions of the
# peers than the lockfile's (which `.ci/run` tests already). Each variant is a copy of the
# project whose devDependencies are overridden, installed once into a cache folder keyed by
# the lockfile and the variant's versions; only the sources are copied again on each run.
#
#   bash .ci/matrix.sh              every variant
#   bash .ci/matrix.sh typeorm-0.3  the named ones
#
# Prints "variant: N passed, N failed" per variant, with the suites that did not run and the first
# failing suite; exits non-zero if any variant fails.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
cache="${CLASS_VIEWS_MATRIX_CACHE:-${HOME:-/tmp}/.cache/nestjs-class-views-matrix}"
nest_packages=(@nestjs/common @nestjs/core @nestjs/platform-express @nestjs/platform-fastify @nestjs/testing)

# One variant a line: "name|package@version overrides|tests left out (a jest name regex)".
# Left out on Nest 12.0.x and 11, for differences of those Nest versions (docs/topics/versions.md
# lists them): the check that Nest's isPlainObject() reads no source text for a
# response (theirs reads none for any class instance); on Fastify (and platform-fastify up to
# 12.2), a method beyond Fastify's defaults (PROPFIND), for which their adapter registers no
# `@All()` route, so Fastify answers 404 instead of the view's 405; on Express, a body over the limit, which their adapter
# answers itself rather than through the app's exception filters (still 413). On 12.0 also a
# route's host on Fastify, which its adapter refuses for every controller (500).
variants=(
  "typeorm-0.3|typeorm@0.3.31|"
  "nest-12.0|$(printf '%s@12.0.4 ' "${nest_packages[@]}")|isPlainObject|fastify.*PROPFIND|over the limit|fastify.*host before"
  "platform-fastify-12.2|@nestjs/platform-fastify@12.2.0|fastify.*PROPFIND"
  "nest-11|@nestjs/common@11.2.10 @nestjs/core@11.2.10 @nestjs/platform-express@11.2.10 @nestjs/platform-fastify@11.2.8 @nestjs/testing@11.2.6 @nestjs/typeorm@11.0.3 @nestjs/swagger@11.4.7|isPlainObject|fastify.*PROPFIND|over the limit"
)
# Variants run only when named.
optional=" "
# The newest Nest 12: tested when newer than the lockfile's (resolved on each run; npm
# lists the versions out of order).
newest_overrides=""
for package in "${nest_packages[@]}"; do
  newest="$(npm view "$package@^12" version 2>/dev/null | sed "s/.* '\{0,1\}\([0-9][^']*\)'\{0,1\}$/\1/" | sort -V | tail -n 1)"
  locked="$(node -p "require('./node_modules/$package/package.json').version")"
  if [ -n "$newest" ] && [ "$newest" != "$locked" ]; then newest_overrides+="$package@$newest "; fi
done
if [ -n "$newest_overrides" ]; then variants+=("nest-12-newest|$newest_overrides|"); fi

selected=("$@")
status=0
for variant in "${variants[@]}"; do
  IFS='|' read -r name overrides excluded <<< "$variant"
  if [ "${#selected[@]}" -gt 0 ] && [[ " ${selected[*]} " != *" $name "* ]]; then continue; fi
  if [ "${#selected[@]}" -eq 0 ] && [[ "$optional" == *" $name "* ]]; then continue; fi
  filter=()
  if [ -n "$excluded" ]; then filter=(--testNamePattern "^(?!.*($excluded))"); fi
  key="$(printf '%s\n' "$overrides" | cat - package.json package-lock.json | sha256sum | cut -c1-12)"
  dir="$cache/$name-$key"
  started=$SECONDS
  if [ ! -e "$dir/.installed" ]; then
    echo "== $name: installing $overrides into $dir" >&2
    rm -rf "$cache/$name-"* && mkdir -p "$dir"
    cp package.json package-lock.json "$dir/"
    node - "$dir/package.json" $overrides <<'JS'
const fs = require('node:fs');
const [file, ...overrides] = process.argv.slice(2);
const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
for (const spec of overrides) {
  const at = spec.lastIndexOf('@');
  manifest.devDependencies[spec.slice(0, at)] = spec.slice(at + 1);
}
fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
JS
    (cd "$dir" && npm install --no-audit --no-fund --prefer-offline --loglevel=error >&2)
    touch "$dir/.installed"
  fi
  rm -rf "$dir/src" "$dir/test" "$dir/sample" "$dir/docs" "$dir/bench" "$dir/.ci"
  # .ci/ too: test/tutorial/ builds the tutorial's app with .ci/tutorial-app.mjs.
  cp -R src test sample docs .ci tsconfig.json tsconfig.build.json jest.config.js README.md CONTRIBUTING.md LICENSE "$dir/"
  # test/readme/ checks the docs' links, and they point at the benchmark's README.
  mkdir -p "$dir/bench" && cp bench/README.md "$dir/bench/"
  results="$dir/jest-results.json"
  rm -f "$results"
  variant_status=0
  (cd "$dir" && npx --no-install tsc -p tsconfig.json --noEmit >&2) || variant_status=$?
  # The PostgreSQL, fault and several-process suites run once, in the main run (they drive
  # the server with .ci/postgres.sh, which the variant's copy has not): skipped here.
  (cd "$dir" && env -u CLASS_VIEWS_PG_URL NODE_OPTIONS="--experimental-vm-modules --disable-warning=ExperimentalWarning" \
    npx --no-install jest --ci --silent --json --outputFile="$results" "${filter[@]}" >/dev/null 2>"$dir/jest.log") || variant_status=$?
  summary="$(node .ci/jest-summary.cjs "$results" "$dir" --line)" || variant_status=1
  echo "$name ($overrides${excluded:+; left out: $excluded}) in $((SECONDS - started)) s: $summary$([ "$variant_status" -ne 0 ] && echo ' (FAILED)')"
  if [ "$variant_status" -ne 0 ]; then status=1; fi
done
exit "$status"
