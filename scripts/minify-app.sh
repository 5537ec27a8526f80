#!/usr/bin/env bash
# minify-app.sh DIST: the reader's wasm-bindgen glue and stylesheet as Trunk built them, minified
# (terser, lightningcss), with index.html's integrity hashes following. Trunk's own minifier
# cannot parse the glue, and it would also rewrite index.html, which the publish step fills in.
set -euo pipefail
dist=$1
sri() { echo "sha384-$(node -e 'const c=require("crypto");process.stdout.write(c.createHash("sha384").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$1")"; }
minify() { # file, then the command that rewrites it in place
  local file=$1 before after; shift
  before=$(sri "$file")
  grep -q "$before" "$dist/index.html" || { echo "minify-app.sh: index.html does not name $file by its hash"; exit 1; }
  "$@"
  after=$(sri "$file")
  sed -i "s|$before|$after|g" "$dist/index.html"
}
glue=$(ls "$dist"/newsroom-*[0-9a-f].js)
css=$(ls "$dist"/main-*.css)
# The glue is an ES module for browsers with WebAssembly reference types (ES2020 and later).
minify "$glue" terser "$glue" --ecma 2020 --module --compress --mangle -o "$glue"
minify "$css" lightningcss --minify "$css" -o "$css"
