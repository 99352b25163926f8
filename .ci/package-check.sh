#!/usr/bin/env bash
# Packaging check: what `npm pack` ships, publint and arethetypeswrong on the tarball, then
# apps built against the installed tarball, each a separate app with only its own packages,
# type-checked strictly (skipLibCheck off) and served:
# - the app of README's "Getting started", on Express and on Fastify, on this machine's Node
#   and on the lowest Node version `engines` claims (.ci/lowest-node.sh);
# - the app of docs/tutorial/ (.ci/tutorial-app.mjs), installed with the tutorial's own
#   commands, on NestJS 12 (newest) on Express, then switched to Fastify as its last step
#   says, on NestJS 12.0.x, on NestJS 11 and on TypeORM 0.3 with the commands of its "Other
#   versions" page; every page walked by .ci/tutorial-walk.mjs (the Express app on both Nodes).
# npm installs prefer the local cache; the tutorial's packages are installed once, into the
# Express app, and each other tutorial app starts from a copy of it.
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
npm_flags=(--no-audit --no-fund --prefer-offline --loglevel=error)

# type_check APP: a tsconfig.check.json that extends the app's own, with the library
# checks a careful user turns on, then the type check (which also emits dist/).
type_check() {
  cat > "$1/tsconfig.check.json" <<'JSON'
{ "extends": "./tsconfig.json", "compilerOptions": { "skipLibCheck": false, "noImplicitOverride": true } }
JSON
  (cd "$1" && npx --no-install tsc -p tsconfig.check.json)
}

# serve APP NODE_BIN CHECK...: start APP's dist/main.js on a free port with NODE_BIN, wait
# for its "Listening on URL" line, run CHECK... with the URL as its last argument, stop it.
serve() {
  local app="$1" node_bin="$2"; shift 2
  : > "$app/server.log"
  (cd "$app" && PORT=0 exec "$node_bin" dist/main.js > "$app/server.log" 2>&1) &
  server_pid=$!
  local url=""
  for _ in $(seq 1 300); do
    url="$(sed -n 's/^Listening on \(http:[^ ]*\).*/\1/p' "$app/server.log")"
    if [ -n "$url" ] || ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  if [ -z "$url" ]; then cat "$app/server.log" >&2; echo "$(basename "$app") did not start on Node $("$node_bin" --version)" >&2; exit 1; fi
  local status=0
  "$@" "$url" || status=$?
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  if [ "$status" -ne 0 ]; then tail -n 30 "$app/server.log" >&2; exit "$status"; fi
  echo "$(basename "$app") served on Node $("$node_bin" --version) ($url), checked by $1"
}

# home_page URL: the Getting started app's page.
home_page() {
  local page
  page="$(node -e "fetch(process.argv[1]).then(async (r) => console.log(r.status, await r.text()))" "$1/")"
  case "$page" in
    "200 "*"<h1>Hello from a class-based view</h1>"*) ;;
    *) echo "the Getting started app answered: $page" >&2; return 1;;
  esac
}

# getting_started NAME PLATFORM PACKAGE@VERSION...: the Getting started app for PLATFORM
# (express or fastify), with the given peers installed beside the tarball.
getting_started() {
  local name="$1" platform="$2"; shift 2
  local app="$work/getting-started-$name"
  echo "== the README's Getting started app: $name"
  node .ci/getting-started.mjs README.md "$app" > /dev/null
  if [ "$platform" = fastify ]; then mv "$app/src/main.fastify.ts" "$app/src/main.ts"; else rm "$app/src/main.fastify.ts"; fi
  cat > "$app/package.json" <<JSON
{ "name": "getting-started-$name", "private": true, "type": "module" }
JSON
  (
    cd "$app"
    npm install "${npm_flags[@]}" "$tarball" "$@" \
      "reflect-metadata@$(version reflect-metadata)" "rxjs@$(version rxjs)" \
      "typescript@$(version typescript)" "$types_node"
    if [ -e node_modules/@types/nunjucks ]; then echo "@types/nunjucks was installed: it must not be needed" >&2; exit 1; fi
  )
  type_check "$app"
  for node_bin in "$(command -v node)" "$lowest_node"; do serve "$app" "$node_bin" home_page; done
}

nest() { local v="$1"; shift; for package in "$@"; do printf '@nestjs/%s@%s ' "$package" "$v"; done; }
# shellcheck disable=SC2046 # one word per package
getting_started express express $(nest "$(version @nestjs/core)" common core platform-express)
# shellcheck disable=SC2046
getting_started fastify fastify $(nest "$(version @nestjs/core)" common core platform-fastify)

# run_documented APP COMMAND...: the tutorial's npm commands, one a line, run in APP as a
# reader types them, but with the tarball for `nestjs-class-views` and npm's cache preferred.
run_documented() {
  local app="$1" line; shift
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    line="${line//nestjs-class-views/$tarball}"
    line="${line/#npm install/npm install ${npm_flags[*]}}"
    line="${line/#npm uninstall/npm uninstall ${npm_flags[*]}}"
    echo "  \$ ${line//$tarball/nestjs-class-views}"
    (cd "$app" && eval "$line" < /dev/null > /dev/null)
  done <<< "$*"
}

walk() { node .ci/tutorial-walk.mjs "$1" > /dev/null; }

# installed APP PACKAGE: the version of PACKAGE in APP's node_modules, or "none".
installed() {
  local manifest="$work/tutorial-$1/node_modules/$2/package.json"
  if [ -e "$manifest" ]; then node -p "require('$manifest').version"; else echo none; fi
}

# expect APP PACKAGE PATTERN: fail unless the installed version of PACKAGE matches PATTERN (a glob).
expect() {
  local got
  got="$(installed "$1" "$2")"
  # shellcheck disable=SC2053 # $3 is a glob
  if [[ "$got" != $3 ]]; then echo "tutorial-$1 has $2 $got, not $3" >&2; exit 1; fi
}

# tutorial NAME FROM [--before STEP] COMMANDS: the tutorial's app in $work/tutorial-NAME, a
# copy of the app FROM (or a new folder when FROM is -) with COMMANDS run in it, its
# files written from docs/tutorial/, type-checked, served on this machine's Node and walked.
tutorial() {
  local name="$1" from="$2"; shift 2
  local selection=()
  if [ "${1:-}" = --before ]; then selection=(--before "$2"); shift 2; fi
  local app="$work/tutorial-$name"
  echo "== the tutorial's app: $name"
  if [ "$from" = - ]; then mkdir -p "$app"; else cp -a "$work/tutorial-$from" "$app"; rm -rf "$app/dist" "$app/bookshelf.sqlite"; fi
  run_documented "$app" "$1"
  node .ci/tutorial-app.mjs "$app" "${selection[@]}" > /dev/null
  type_check "$app"
  serve "$app" "$(command -v node)" walk
}

tutorial express - --before fastify "$(node .ci/tutorial-app.mjs --commands --before fastify)"
rm -f "$work/tutorial-express/bookshelf.sqlite"
serve "$work/tutorial-express" "$lowest_node" walk
tutorial fastify express "$(node .ci/tutorial-app.mjs --commands --step fastify)"
expect fastify @nestjs/platform-express none
# shellcheck disable=SC2046
tutorial nest-12.0 express --before fastify "npm install $(nest 12.0 common core platform-express)"
expect nest-12.0 @nestjs/core '12.0.*'
tutorial nest-11 express --before fastify "$(node .ci/tutorial-app.mjs --commands --page other-versions.md --section 'Nest 11')"
expect nest-11 @nestjs/core '11.*'
expect nest-11 @nestjs/platform-express '11.*'
tutorial typeorm-0.3 express --before fastify "$(node .ci/tutorial-app.mjs --commands --page other-versions.md --section 'TypeORM 0.3')"
expect typeorm-0.3 typeorm '0.3.*'
for app in express fastify nest-12.0 nest-11 typeorm-0.3; do
  echo "tutorial-$app: @nestjs/core $(installed "$app" @nestjs/core), platform-express $(installed "$app" @nestjs/platform-express), platform-fastify $(installed "$app" @nestjs/platform-fastify), typeorm $(installed "$app" typeorm), typescript $(installed "$app" typescript)"
done
echo "package check passed in $SECONDS s"
