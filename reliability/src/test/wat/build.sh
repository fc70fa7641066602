#!/bin/sh
# Rebuilds the committed test modules from their WebAssembly text beside this script.
# Needs wabt's wat2wasm; the build itself only uses the committed .wasm files.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../resources/wasm"
mkdir -p "$out"
for wat in "$here"/*.wat; do
    name=$(basename "$wat" .wat)
    wat2wasm "$wat" -o "$out/$name.wasm"
done
