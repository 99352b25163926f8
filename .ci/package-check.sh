#!/usr/bin/env bash
# Packaging check: what `npm pack` ships, publint and arethetypeswrong on the tarball, then
# the app of README's "Getting started" built against the installed tarball (strict,
# skipLibCheck off, no @types/nunjucks), once per platform and Nest version as separate apps,
# each serving its page on this machine's Node and on the lowest Node version `engines` claims
# (.ci/lowest-node.sh).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
work="$(mktemp -d "${TMPDIR:-/tmp}/package-check.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== npm pack (prepack builds dist/)"
npm pack --silent --pack-destination "$work" --json > "$work/pack.json"
tarball="$work/$(node -p "require('$work/pack.json')[0].filename")"

node - "$work/pack.json" <<'JS'
const files = require(process.argv[2])[0].files.map((file) => file.path);
const problems = [];
for (const needed of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts']) {
  if (!files.includes(needed)) problems.push(`missing ${needed}`);
}
for (const file of files) {
  if (!/^(package\.json|README\.md|LICENSE|dist\/.+\.(js|d\.ts))$/.test(file) || /\.spec\./.test(file)) {
    problems.push(`unexpected ${file}`);
  }
}
if (problems.length > 0) {
  console.error(`npm pack contents:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`${files.length} files, all expected`);
JS

echo "== publint"
npx --no-install publint run "$tarball" --strict

echo "== arethetypeswrong (ESM-only package)"
npx --no-install attw "$tarball" --profile esm-only --format table

# Each app is built on its own, with only its platform installed: an Express app must not
# compile only because the Fastify entry pulled in types it lacks.
version() { node -p "require('$root/package.json').devDependencies['$1']"; }
types_node="@types/node@$(node -p "require('$root/node_modules/@types/node/package.json').version")"
lowest_node="$(bash .ci/lowest-node.sh)"

# build_app NAME PLATFORM PACKAGE@VERSION...: the Getting started app for PLATFORM (express or
# fastify), with the given peers installed beside the tarball, type-checked strictly, then
# served on this machine's Node and on the lowest Node that package.json's engines claim.
build_app() {
  local name="$1" platform="$2"; shift 2
  local app="$work/$name"
  echo "== the README's Getting started app: $name"
  node .ci/getting-started.mjs README.md "$app" > /dev/null
  if [ "$platform" = fastify ]; then mv "$app/src/main.fastify.ts" "$app/src/main.ts"; else rm "$app/src/main.fastify.ts"; fi
  cat > "$app/package.json" <<JSON
{ "name": "getting-started-$name", "private": true, "type": "module" }
JSON
  cat > "$app/tsconfig.check.json" <<'JSON'
{ "extends": "./tsconfig.json", "compilerOptions": { "skipLibCheck": false, "noImplicitOverride": true } }
JSON
  (
    cd "$app"
    npm install --no-audit --no-fund --prefer-offline --loglevel=error "$tarball" "$@" \
      "reflect-metadata@$(version reflect-metadata)" "rxjs@$(version rxjs)" \
      "typescript@$(version typescript)" "$types_node"
    if [ -e node_modules/@types/nunjucks ]; then echo "@types/nunjucks was installed: it must not be needed" >&2; exit 1; fi
    npx --no-install tsc -p tsconfig.check.json
  )
  for node_bin in "$(command -v node)" "$lowest_node"; do
    : > "$app/server.log"
    PORT=0 "$node_bin" "$app/dist/main.js" > "$app/server.log" 2>&1 &
    server_pid=$!
    local url=""
    for _ in $(seq 1 100); do
      url="$(sed -n 's/^Listening on \(http:[^ ]*\).*/\1/p' "$app/server.log")"
      if [ -n "$url" ] || ! kill -0 "$server_pid" 2>/dev/null; then break; fi
      sleep 0.1
    done
    if [ -z "$url" ]; then cat "$app/server.log" >&2; echo "$name did not start on Node $("$node_bin" --version)" >&2; exit 1; fi
    local page
    page="$(node -e "fetch(process.argv[1]).then(async (r) => console.log(r.status, await r.text()))" "$url/")"
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
    case "$page" in
      "200 "*"<h1>Hello from a class-based view</h1>"*) echo "$name serves / on Node $("$node_bin" --version) ($url)";;
      *) echo "$name answered on Node $("$node_bin" --version): $page" >&2; exit 1;;
    esac
  done
}

nest() { local v="$1"; shift; for package in "$@"; do printf '@nestjs/%s@%s ' "$package" "$v"; done; }
# shellcheck disable=SC2046 # one word per package
build_app express express $(nest "$(version @nestjs/core)" common core platform-express)
# shellcheck disable=SC2046
build_app fastify fastify $(nest "$(version @nestjs/core)" common core platform-fastify)
# shellcheck disable=SC2046
build_app nest-11-express express $(nest 11.2.10 common core platform-express)
# shellcheck disable=SC2046
build_app nest-12.0-fastify fastify $(nest 12.0.4 common core platform-fastify)
echo "package check passed"
