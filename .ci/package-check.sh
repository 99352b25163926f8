#!/usr/bin/env bash
# Packaging check: what `npm pack` ships, publint and arethetypeswrong on the tarball, then
# the app of README's "Getting started" built against the installed tarball (strict,
# skipLibCheck off, no @types/nunjucks) and serving its page on Express and Fastify, on this
# machine's Node and on the lowest Node version `engines` claims (.ci/lowest-node.sh).
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

echo "== the README's Getting started app, on the installed tarball"
app="$work/app"
node .ci/getting-started.mjs README.md "$app" > /dev/null
version() { node -p "require('$root/package.json').devDependencies['$1']"; }
cat > "$app/package.json" <<JSON
{ "name": "getting-started", "private": true, "type": "module" }
JSON
cat > "$app/tsconfig.check.json" <<'JSON'
{ "extends": "./tsconfig.json", "compilerOptions": { "skipLibCheck": false, "noImplicitOverride": true } }
JSON
(
  cd "$app"
  npm install --no-audit --no-fund --prefer-offline --loglevel=error \
    "$tarball" \
    "@nestjs/common@$(version @nestjs/common)" "@nestjs/core@$(version @nestjs/core)" \
    "@nestjs/platform-express@$(version @nestjs/platform-express)" \
    "@nestjs/platform-fastify@$(version @nestjs/platform-fastify)" \
    "reflect-metadata@$(version reflect-metadata)" "rxjs@$(version rxjs)" \
    "typescript@$(version typescript)" "@types/node@$(node -p "require('$root/node_modules/@types/node/package.json').version")"
  if [ -e node_modules/@types/nunjucks ]; then echo "@types/nunjucks was installed: it must not be needed" >&2; exit 1; fi
  npx --no-install tsc -p tsconfig.check.json
)

# On this machine's Node and on the lowest Node that package.json's engines claim.
lowest_node="$(bash .ci/lowest-node.sh)"
for node_bin in "$(command -v node)" "$lowest_node"; do
for main in main main.fastify; do
  PORT=0 "$node_bin" "$app/dist/$main.js" > "$work/$main.log" 2>&1 &
  server_pid=$!
  url=""
  for _ in $(seq 1 100); do
    url="$(sed -n 's/^Listening on \(http:[^ ]*\).*/\1/p' "$work/$main.log")"
    if [ -n "$url" ] || ! kill -0 "$server_pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  if [ -z "$url" ]; then cat "$work/$main.log" >&2; echo "dist/$main.js did not start on Node $("$node_bin" --version)" >&2; exit 1; fi
  page="$(node -e "fetch(process.argv[1]).then(async (r) => console.log(r.status, await r.text()))" "$url/")"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
  case "$page" in
    "200 "*"<h1>Hello from a class-based view</h1>"*) echo "dist/$main.js serves / on Node $("$node_bin" --version) ($url)";;
    *) echo "dist/$main.js answered on Node $("$node_bin" --version): $page" >&2; exit 1;;
  esac
done
done
echo "package check passed"
