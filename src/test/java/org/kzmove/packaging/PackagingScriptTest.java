package org.kzmove.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * What the installers get right only if {@code packaging/build.sh} says it, checked without
 * building them (that takes minutes; docs/packaging.md): the installed launcher starts the console
 * with the same JVM flags as {@code app/bin/kzmove}, the .deb depends on every library JavaFX's
 * native code links against, and its menu entry names the console's window class. Headless UI tests cannot catch either: they run JavaFX on the class
 * path with Monocle, which needs neither the flags nor GTK.
 */
class PackagingScriptTest {
    private static final Path BUILD_SCRIPT = Path.of("packaging/build.sh");
    private static final Path SOURCE_LAUNCHER = Path.of("app/bin/kzmove");
    private static final Path DESKTOP_ENTRY = Path.of("packaging/linux/kzmove.desktop");

    /** The flags ControlsFX needs once JavaFX is on the module path (toolchain notes). */
    private static final Set<String> CONTROLSFX_FLAGS = Set.of(
            "--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED",
            "--add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED");

    /**
     * The Debian 12 package of each library JavaFX's Linux glass and prism libraries are linked
     * against ({@code readelf -d}, then {@code dpkg -S}). {@code null}: already required by
     * libgtk-3-0 or by libc6 (which jpackage adds itself), so the .deb need not name it.
     */
    private static final Map<String, String> DEBIAN_PACKAGE_OF_LIBRARY = mapOf(
            "libgtk-3.so.0", "libgtk-3-0",
            "libgdk-3.so.0", "libgtk-3-0",
            "libXtst.so.6", "libxtst6",
            "libGL.so.1", "libgl1",
            "libXxf86vm.so.1", "libxxf86vm1",
            "libpangocairo-1.0.so.0", null, "libpango-1.0.so.0", null, "libpangoft2-1.0.so.0", null,
            "libatk-1.0.so.0", null, "libcairo-gobject.so.2", null, "libcairo.so.2", null,
            "libgdk_pixbuf-2.0.so.0", null, "libgio-2.0.so.0", null, "libgobject-2.0.so.0", null,
            "libgthread-2.0.so.0", null, "libglib-2.0.so.0", null, "libX11.so.6", null,
            "libfontconfig.so.1", null, "libfreetype.so.6", null,
            "libc.so.6", null, "libm.so.6", null, "libdl.so.2", null, "libpthread.so.0", null,
            "ld-linux-x86-64.so.2", null);

    @Test
    void installedConsoleGetsTheSameJvmFlagsAsTheSourceLauncher() throws IOException {
        Set<String> packaged = jvmAccessFlags(Files.readString(BUILD_SCRIPT));
        Set<String> source = jvmAccessFlags(Files.readString(SOURCE_LAUNCHER));

        assertThat(packaged).containsAll(CONTROLSFX_FLAGS).isEqualTo(source);
    }

    @Test
    void debDependsOnEveryLibraryJavaFxNativeCodeLinksAgainst() throws IOException {
        List<String> needed = new ArrayList<>();
        for (String library : List.of("libglass.so", "libglassgtk3.so", "libprism_es2.so", "libprism_sw.so",
                "libjavafx_font.so", "libjavafx_font_freetype.so", "libjavafx_font_pango.so", "libjavafx_iio.so",
                "libdecora_sse.so", "libprism_common.so")) {
            byte[] elf = nativeLibraryOnTheClassPath(library);
            assumeTrue(elf != null, "JavaFX's Linux natives are on the test class path only on Linux");
            needed.addAll(neededLibraries(elf));
        }
        assertThat(needed).as("libglassgtk3.so, read as ELF").contains("libgtk-3.so.0", "libXtst.so.6");

        assertThat(DEBIAN_PACKAGE_OF_LIBRARY.keySet())
                .as("every library JavaFX links against has a known Debian package; map new ones here"
                        + " (dpkg -S) and add them to deb_depends in packaging/build.sh")
                .containsAll(needed);
        Set<String> required = needed.stream().map(DEBIAN_PACKAGE_OF_LIBRARY::get)
                .filter(p -> p != null).collect(Collectors.toCollection(TreeSet::new));
        assertThat(debDepends(Files.readString(BUILD_SCRIPT))).containsAll(required);
    }

    @Test
    void menuEntryNamesTheWindowClassOfTheConsole() throws Exception {
        // Docks match a window to its menu entry (and icon) by WM_CLASS, which JavaFX's GTK glass
        // sets to the name of the Application class (seen with xprop on the installed console).
        Matcher m = Pattern.compile("(?m)^StartupWMClass=(\\S+)$").matcher(Files.readString(DESKTOP_ENTRY));
        assertThat(m.find()).as("StartupWMClass in " + DESKTOP_ENTRY).isTrue();

        Class<?> windowClass = Class.forName(m.group(1), false, getClass().getClassLoader());

        assertThat(javafx.application.Application.class).isAssignableFrom(windowClass);
    }

    private static Set<String> jvmAccessFlags(String script) {
        Matcher m = Pattern.compile("--add-(?:exports|opens)=[\\w.]+/[\\w.]+=ALL-UNNAMED").matcher(script);
        Set<String> flags = new TreeSet<>();
        while (m.find()) {
            flags.add(m.group());
        }
        return flags;
    }

    private static List<String> debDepends(String script) {
        Matcher m = Pattern.compile("(?m)^deb_depends=\"([^\"]*)\"").matcher(script);
        assertThat(m.find()).as("deb_depends=\"...\" in packaging/build.sh").isTrue();
        return Arrays.stream(m.group(1).split(",")).map(String::trim).toList();
    }

    private static byte[] nativeLibraryOnTheClassPath(String name) throws IOException {
        // javafx-graphics-*-linux.jar keeps its .so files at the root of the jar.
        try (InputStream in = javafx.application.Platform.class.getResourceAsStream("/" + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    /** The DT_NEEDED entries of a 64-bit little-endian ELF shared library (what ldd starts from). */
    private static List<String> neededLibraries(byte[] elf) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(b.getInt(0)).as("ELF magic").isEqualTo(0x464c457f);
        assertThat(elf[4]).as("ELFCLASS64").isEqualTo((byte) 2);
        long sectionHeaders = b.getLong(0x28);
        int entrySize = Short.toUnsignedInt(b.getShort(0x3a));
        int count = Short.toUnsignedInt(b.getShort(0x3c));
        List<String> needed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int header = (int) (sectionHeaders + (long) i * entrySize);
            if (b.getInt(header + 4) != 6) { // SHT_DYNAMIC
                continue;
            }
            int dynamic = (int) b.getLong(header + 0x18);
            int dynamicSize = (int) b.getLong(header + 0x20);
            int stringsHeader = (int) (sectionHeaders + (long) b.getInt(header + 0x28) * entrySize);
            int strings = (int) b.getLong(stringsHeader + 0x18);
            for (int entry = dynamic; entry < dynamic + dynamicSize; entry += 16) {
                long tag = b.getLong(entry);
                if (tag == 0) { // DT_NULL
                    break;
                }
                if (tag == 1) { // DT_NEEDED
                    needed.add(cString(elf, strings + (int) b.getLong(entry + 8)));
                }
            }
        }
        return needed;
    }

    private static String cString(byte[] bytes, int start) {
        int end = start;
        while (bytes[end] != 0) {
            end++;
        }
        return new String(bytes, start, end - start, StandardCharsets.US_ASCII);
    }

    private static Map<String, String> mapOf(String... libraryThenPackage) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < libraryThenPackage.length; i += 2) {
            map.put(libraryThenPackage[i], libraryThenPackage[i + 1]);
        }
        return map;
    }
}
