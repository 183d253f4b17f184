#!/usr/bin/env bash
# Rebuilds the vendored ECharts bundle from the pinned packages (package-lock.json) and entry.js.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
out=../../src/ElderCare.Web/wwwroot/lib/echarts
npx esbuild entry.js --bundle --minify --format=iife --target=es2020 --legal-comments=eof --outfile="$out/echarts.min.js"
version=$(node -p "require('echarts/package.json').version")
echo "Apache ECharts $version (npm package echarts@$version), a custom build of bar and line charts, grid, tooltip, legend and" \
  "the canvas renderer (tools/echarts/build.sh), Apache-2.0 — see LICENSE, NOTICE, LICENSE-d3." > "$out/VERSION"
