package org.kzmove.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher ({@code app/bin/kzmove}) in a distribution layout ({@code bin/}, {@code lib/}) made
 * from the test's class path: it makes the class-data-sharing archive the build makes, its
 * subcommands then load kzmove's classes from that archive, and an archive that no longer fits
 * (a rebuilt jar) is ignored without a word on stdout. How much time it saves is measured in
 * docs/benchmarks.md, not here.
 */
class LauncherStartupTest {
    @TempDir
    static Path dist;
    static Path launcher;

    @BeforeAll
    static void layOut() throws IOException {
        Path bin = Files.createDirectories(dist.resolve("bin"));
        Path lib = Files.createDirectories(dist.resolve("lib"));
        launcher = bin.resolve("kzmove");
        Files.copy(Path.of("app/bin/kzmove"), launcher);
        jar(Path.of("target/classes"), lib.resolve("kzmove.jar"));
        for (Path entry : classPath()) {
            if (Files.isRegularFile(entry) && entry.toString().endsWith(".jar")) {
                Files.copy(entry, lib.resolve(entry.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void subcommandsLoadKzmovesClassesFromTheArchiveTheLauncherMade() throws Exception {
        Result made = launch(Map.of("KZMOVE_MAKE_CDS_ARCHIVE", "1"));
        assertThat(made.status()).as(made.out()).isZero();
        Path archive = dist.resolve("lib/kzmove.jsa");
        assertThat(archive).isRegularFile();

        Path loaded = dist.resolve("classes.txt");
        Result help = launch(Map.of("KZMOVE_JAVA_OPTS", "-Xlog:class+load:file=" + loaded), "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("Usage: kzmove");
        assertThat(Files.readAllLines(loaded)).anyMatch(l -> l.contains(" org.kzmove.cli.Main source: shared objects file"));
    }

    @Test
    void anArchiveThatNoLongerFitsIsIgnoredSilently() throws Exception {
        assertThat(launch(Map.of("KZMOVE_MAKE_CDS_ARCHIVE", "1")).status()).isZero();
        Path jar = dist.resolve("lib/kzmove.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));

        Path loaded = dist.resolve("classes-stale.txt");
        Result r = launch(Map.of("KZMOVE_JAVA_OPTS", "-Xlog:class+load:file=" + loaded), "--version");
        assertThat(r.status()).isZero();
        assertThat(r.out()).as("nothing but kzmove's own words").matches("kzmove [^\\n]+\\n");
        assertThat(Files.readAllLines(loaded)).noneMatch(l -> l.contains(" org.kzmove.cli.Main source: shared objects file"));
    }

    private record Result(int status, String out) {
    }

    private static Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("KZMOVE_JAVA_OPTS");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    /** The test JVM's class path, read through surefire's manifest-only booter jar when it uses one. */
    private static List<Path> classPath() throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(e);
            if (p.getFileName().toString().startsWith("surefirebooter")) {
                try (JarFile booter = new JarFile(p.toFile())) {
                    for (String url : booter.getManifest().getMainAttributes().getValue("Class-Path").split(" ")) {
                        entries.add(Path.of(URI.create(url)));
                    }
                }
            } else {
                entries.add(p);
            }
        }
        return entries;
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                Stream<Path> all = Files.walk(classes)) {
            for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(classes.relativize(p).toString().replace(File.separatorChar, '/')));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
    }
}
