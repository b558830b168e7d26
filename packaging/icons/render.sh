#!/bin/sh
# Re-renders the committed icons from kzmove.svg (needs ImageMagick's 'convert'). Only needed after
# editing the SVG: packaging/build.sh uses the committed PNG/ICO and needs no renderer.
# macOS wants an .icns, which ImageMagick 6 cannot write: see docs/packaging.md (iconutil on a Mac).
set -eu
cd "$(dirname "$0")"
convert -background none kzmove.svg -resize 256x256 png32:kzmove.png
convert -background none kzmove.svg -define icon:auto-resize=256,48,32,16 kzmove.ico
