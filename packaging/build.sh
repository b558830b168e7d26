#!/usr/bin/env bash
# Builds kzmove's installers with jpackage (JDK 17). The one command (docs/packaging.md):
#
#     packaging/build.sh
#
# Linux:   target/dist/kzmove/ (application image) and target/dist/kzmove_<version>-1_amd64.deb
#          (installs /opt/kzmove, a menu entry and /usr/bin/kzmove: packaging/linux/postinst)
# macOS:   target/dist/kzmove.app and target/dist/kzmove-<version>.dmg   (written, not yet run on a Mac)
# Windows: target/dist/kzmove/ and target/dist/kzmove-<version>.msi      (Git Bash; written, not yet run)
#
# It runs './mvnw package -DskipTests' first (tests are CI's job: './mvnw verify'); Maven options
# such as -o go in MAVEN_ARGS. The installed launcher starts the desktop console exactly like
# 'app/bin/kzmove' with no arguments (JavaFX on the module path, the ControlsFX flags below) and
# runs the command-line subcommands ('kzmove --help') like it too.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd -P)
target=$root/target
dist=$target/dist
stage=$target/jpackage

die() {
    echo "packaging/build.sh: $*" >&2
    exit 1
}

case $(uname -s) in
    Linux) os=linux ;;
    Darwin) os=mac ;;
    MINGW* | MSYS* | CYGWIN*) os=windows ;;
    *) die "unsupported system '$(uname -s)': build on Linux, macOS or Windows (Git Bash)" ;;
esac

# --- the JVM flags and modules; keep the flags identical to app/bin/kzmove (PackagingScriptTest) ---

# ControlsFX reaches into JavaFX internals that are closed once JavaFX sits on the module path:
# TextFields.bindAutoCompletion needs the first flag, TableFilter the second (toolchain notes).
java_options=(
    --add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED
    --add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED
)
# The runtime image holds only these modules. jdeps finds all but jdk.crypto.ec, a service provider
# (elliptic-curve keys and key exchange for SSH) that no class names.
runtime_modules=javafx.controls,javafx.fxml,java.desktop,java.logging,java.management,java.naming,java.rmi,java.security.jgss,java.sql,jdk.crypto.ec,jdk.unsupported
# The .deb: jpackage adds what the JDK's own native libraries need (libc6, zlib1g...), but cannot
# see JavaFX's, which sit inside the JavaFX jars. From 'readelf -d' on those (docs/packaging.md):
# libglassgtk3.so needs GTK 3 and libXtst (which GTK does not pull in); libprism_es2.so needs
# libGL and libXxf86vm (without them JavaFX falls back to software rendering).
deb_depends="libgtk-3-0, libxtst6, libgl1, libxxf86vm1"

# --- tools, with how to get them ---

if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jpackage" ]; then
    jpackage=$JAVA_HOME/bin/jpackage
elif command -v jpackage >/dev/null 2>&1; then
    jpackage=$(command -v jpackage)
else
    case $os in
        linux) die "jpackage not found: install a full JDK 17 (Debian/Ubuntu: 'apt-get install openjdk-17-jdk-headless') or set JAVA_HOME to one" ;;
        *) die "jpackage not found: install a full JDK 17 (e.g. Eclipse Temurin 17) and set JAVA_HOME to it" ;;
    esac
fi
jpackage_version=$("$jpackage" --version 2>/dev/null || true)
case $jpackage_version in
    1[7-9]* | [2-9][0-9]*) ;;
    *) die "$jpackage is version '$jpackage_version'; kzmove needs jpackage from JDK 17 or later (set JAVA_HOME)" ;;
esac
# jlink builds the runtime from the JDK's jmods; some distributions ship them separately.
jdk_home=$(cd "$(dirname "$(readlink -f "$jpackage" 2>/dev/null || echo "$jpackage")")/.." && pwd -P)
if [ ! -f "$jdk_home/jmods/java.base.jmod" ]; then
    die "no jmods in $jdk_home: jlink needs them (Debian/Ubuntu: 'apt-get install openjdk-17-jdk-headless'; Fedora: 'dnf install java-17-openjdk-jmods')"
fi
if [ "$os" = linux ]; then
    command -v fakeroot >/dev/null 2>&1 || die "fakeroot not found: jpackage needs it to build a .deb ('apt-get install fakeroot')"
    command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb not found: jpackage needs it to build a .deb ('apt-get install dpkg')"
fi
if [ "$os" = windows ]; then
    # jpackage 17 builds .msi with WiX 3 (candle.exe, light.exe on PATH).
    command -v candle.exe >/dev/null 2>&1 || die "WiX 3 not found (candle.exe, light.exe): install WiX Toolset 3.14 and put its bin folder on PATH"
fi

# --- the application jar and its libraries ---

echo "Building the application (./mvnw package -DskipTests)..."
(cd "$root" && ./mvnw -q package -DskipTests)
[ -f "$target/kzmove.jar" ] || die "the Maven build made no target/kzmove.jar"

# jpackage wants a purely numeric version: 0.1.0-SNAPSHOT in the pom becomes 0.1.0.
# KZMOVE_APP_VERSION overrides it (macOS, below).
pom_version=$(sed -n 's|^  <version>\(.*\)</version>$|\1|p' "$root/pom.xml" | head -n 1)
version=${KZMOVE_APP_VERSION:-${pom_version%%-*}}
[[ $version =~ ^[0-9]+(\.[0-9]+){0,2}$ ]] || die "'$version' (from the pom's '$pom_version' or KZMOVE_APP_VERSION) is not a numeric version such as 1.2.3"
if [ "$os" = mac ] && [[ $version == 0* ]]; then
    die "jpackage on macOS refuses version $version (CFBundleVersion cannot start with 0): run with KZMOVE_APP_VERSION=1.0.0 (docs/packaging.md)"
fi

# JavaFX goes on the module path (jlinked into the runtime); everything else in --input, which
# jpackage puts on the class path. The platform-less javafx-*.jar files Maven adds beside the
# platform ones are empty and stay out.
rm -rf "$stage" "$dist"
mkdir -p "$stage/input" "$stage/javafx" "$dist"
cp "$target/kzmove.jar" "$stage/input/"
for jar in "$target"/lib/*.jar; do
    case ${jar##*/} in
        javafx-*-linux.jar | javafx-*-linux-aarch64.jar | javafx-*-mac.jar | javafx-*-mac-aarch64.jar | javafx-*-win.jar)
            cp "$jar" "$stage/javafx/" ;;
        javafx-*.jar) ;;
        *) cp "$jar" "$stage/input/" ;;
    esac
done
ls "$stage/javafx/"javafx-graphics-*.jar >/dev/null 2>&1 || die "no platform JavaFX jars in target/lib (see docs/packaging.md, 'Other platforms')"

common=(
    --name kzmove
    --app-version "$version"
    --vendor "The kzmove authors"
    --description "Desktop console for live storage migration of Solaris Kernel Zones"
    --copyright "Copyright (c) 2026 The kzmove authors. MIT License."
    --dest "$dist"
)

# --- the application image ---

image_args=(
    "${common[@]}"
    --type app-image
    --input "$stage/input"
    --main-jar kzmove.jar
    --main-class org.kzmove.cli.Main
    --module-path "$stage/javafx"
    --add-modules "$runtime_modules"
    --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands"
)
for option in "${java_options[@]}"; do
    image_args+=(--java-options "$option")
done
case $os in
    linux) image_args+=(--icon "$root/packaging/icons/kzmove.png") ;;
    windows)
        # A Windows program is either a console or a windowed one: 'kzmove' opens the console
        # without a stray terminal window, 'kzmove-cli' runs the subcommands in a terminal.
        printf 'win-console=true\n' >"$stage/kzmove-cli.properties"
        image_args+=(--icon "$root/packaging/icons/kzmove.ico" --add-launcher "kzmove-cli=$stage/kzmove-cli.properties") ;;
    mac)
        # jpackage on macOS takes only .icns, which is made on a Mac (docs/packaging.md).
        if [ -f "$root/packaging/icons/kzmove.icns" ]; then
            image_args+=(--icon "$root/packaging/icons/kzmove.icns")
        fi ;;
esac

echo "Building the application image (jpackage ${version})..."
"$jpackage" "${image_args[@]}"

# --- the installer, from that image ---

installer_args=("${common[@]}" --license-file "$root/LICENSE")
case $os in
    linux)
        installer_args+=(--type deb --app-image "$dist/kzmove"
            --icon "$root/packaging/icons/kzmove.png"
            --linux-package-name kzmove
            --resource-dir "$root/packaging/linux"
            ${KZMOVE_DEB_MAINTAINER:+--linux-deb-maintainer "$KZMOVE_DEB_MAINTAINER"}
            --linux-menu-group "System;"
            --linux-app-category admin
            --linux-shortcut
            --linux-package-deps "$deb_depends") ;;
    mac)
        installer_args+=(--type dmg --app-image "$dist/kzmove.app") ;;
    windows)
        installer_args+=(--type msi --app-image "$dist/kzmove"
            --win-menu --win-menu-group kzmove --win-shortcut --win-dir-chooser
            --win-upgrade-uuid 7b1f3c2e-5a0d-4f6e-9c7b-2d8e1a4b6c90) ;;
esac

echo "Building the installer..."
"$jpackage" "${installer_args[@]}"

echo "Done:"
ls -1d "$dist"/*
