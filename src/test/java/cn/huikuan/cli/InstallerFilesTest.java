package cn.huikuan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: the installer's launchers are configured in files that jpackage reads only when a package is built (which
 * {@link InstallerIT} does on Linux, and the release workflow on each OS). This checks, without jpackage, that those
 * files agree with each other: the command-line launcher {@code huikuan-cli} is added on every OS, its JVM options
 * (which replace the main launcher's) repeat the common ones and add C1-only, the Linux archive's file names are the
 * same in the properties, build.sh, dump-cds.sh and the .deb's scripts, and each OS's options start a JVM that runs
 * with the archive missing or broken (-Xshare:auto falls back; an option that made it fail would show here).
 */
class InstallerFilesTest {
    static final Path INSTALLER = Path.of("installer");
    static final List<String> OSES = List.of("linux", "windows", "macos");

    /** jpackage's options without a value that the argument files use. */
    static final java.util.Set<String> FLAGS = java.util.Set.of("--linux-shortcut", "--win-menu", "--win-shortcut", "--win-dir-chooser",
            "--win-per-user-install", "--win-console", "--win-shortcut-prompt", "--verbose");

    /** The options of a jpackage argument file: each option with its value (null for a flag), comments left out. */
    static List<String[]> options(Path file) throws IOException {
        List<String> tokens = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith("#")) continue;
            StringBuilder token = new StringBuilder();
            boolean quoted = false, any = false;
            for (char c : line.toCharArray()) {
                if (c == '"') {
                    quoted = !quoted;
                    any = true;
                } else if (Character.isWhitespace(c) && !quoted) {
                    if (any) tokens.add(token.toString());
                    token.setLength(0);
                    any = false;
                } else {
                    token.append(c);
                    any = true;
                }
            }
            assertThat(quoted).as("unclosed quote in " + file + ": " + line).isFalse();
            if (any) tokens.add(token.toString());
        }
        List<String[]> options = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String option = tokens.get(i);
            assertThat(option).as(file + ": an option, not a value").startsWith("--");
            // every other option takes the next token, which may itself start with -- (--jlink-options --strip-debug)
            String value = FLAGS.contains(option) ? null : tokens.get(++i);
            options.add(new String[] {option, value});
        }
        return options;
    }

    static List<String> values(List<String[]> options, String option) {
        return options.stream().filter(o -> o[0].equals(option)).map(o -> o[1]).toList();
    }

    static Properties launcherProperties(String os) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(INSTALLER.resolve(os).resolve("huikuan-cli.properties"), StandardCharsets.ISO_8859_1)) {
            p.load(in);
        }
        return p;
    }

    static List<String> javaOptions(Properties p) {
        return List.of(p.getProperty("java-options", "").strip().split("\\s+"));
    }

    @Test
    void everyOsAddsTheCommandLineLauncherWithTheCommonOptionsAndC1Only() throws IOException {
        List<String[]> common = options(INSTALLER.resolve("common.args"));
        assertThat(values(common, "--main-jar")).containsExactly("huikuan.jar");
        assertThat(values(common, "--main-class")).containsExactly("cn.huikuan.Launcher");
        List<String> commonJava = values(common, "--java-options");
        assertThat(commonJava).contains("-Dfile.encoding=UTF-8", "-Xmx1g");
        for (String os : OSES) {
            List<String[]> args = options(INSTALLER.resolve(os).resolve("jpackage.args"));
            assertThat(values(args, "--add-launcher")).as(os).containsExactly("huikuan-cli=installer/" + os + "/huikuan-cli.properties");
            assertThat(INSTALLER.resolve(os).resolve("huikuan-cli.properties")).as(os).exists();
            Properties p = launcherProperties(os);
            assertThat(p.stringPropertyNames()).as(os + ": keys JDK 17's jpackage reads for an added launcher")
                    .isSubsetOf("java-options", "win-console", "arguments", "app-version", "icon", "main-jar", "main-class", "module");
            List<String> java = javaOptions(p);
            // jpackage's java-options of an added launcher replace the main launcher's: the common ones first, in order
            assertThat(java.subList(0, commonJava.size())).as(os).isEqualTo(commonJava);
            assertThat(java).as(os).contains("-XX:TieredStopAtLevel=1");
            assertThat(java).as(os + ": the JVM must fall back when the archive is missing or does not match")
                    .noneMatch(o -> o.startsWith("-Xshare:on") || o.contains("RequireSharedSpaces"));
        }
        assertThat(launcherProperties("windows").getProperty("win-console")).isEqualTo("true");
    }

    @Test
    void onlyLinuxNamesAnAppArchiveAndItsScriptsAgreeOnTheNames() throws IOException {
        assertThat(javaOptions(launcherProperties("linux"))).contains("-XX:SharedArchiveFile=$APPDIR/huikuan-cli.jsa");
        // no step makes the archive on Windows or macOS yet; naming a missing one would also lose the runtime's own
        assertThat(javaOptions(launcherProperties("windows"))).noneMatch(o -> o.contains("SharedArchiveFile"));
        assertThat(javaOptions(launcherProperties("macos"))).noneMatch(o -> o.contains("SharedArchiveFile"));
        List<String[]> common = options(INSTALLER.resolve("common.args"));
        List<String> jlink = values(common, "--jlink-options");
        // jlink makes the runtime's archive of the JDK's classes by running the image's bin/java, which
        // --strip-native-commands would remove (jlink then fails)
        assertThat(jlink).contains("--generate-cds-archive").doesNotContain("--strip-native-commands");
        Path linux = INSTALLER.resolve("linux");
        String postinst = Files.readString(linux.resolve("resources/postinst"));
        String prerm = Files.readString(linux.resolve("resources/prerm"));
        // the parts of jpackage's own templates that install and remove the menu entries
        assertThat(postinst).contains("DESKTOP_COMMANDS_INSTALL", "-Xshare:dump", "$APPDIR/huikuan-cli.classlist", "$APPDIR/huikuan-cli.jsa",
                "APPDIR=/opt/huikuan/lib/app", "/opt/huikuan/bin/huikuan-cli");
        assertThat(prerm).contains("UTILITY_SCRIPTS", "DESKTOP_COMMANDS_UNINSTALL", "rm -f /opt/huikuan/lib/app/huikuan-cli.jsa");
        assertThat(Files.readString(linux.resolve("dump-cds.sh"))).contains("-Xshare:dump", "$LIB/huikuan-cli.classlist", "$LIB/huikuan-cli.jsa",
                "$APP/bin/huikuan-cli");
        assertThat(Files.readString(linux.resolve("build.sh"))).contains("huikuan-cli.classlist", "installer/linux/dump-cds.sh", "bin/huikuan-cli");
        assertThat(values(options(linux.resolve("deb.args")), "--linux-package-name")).containsExactly("huikuan"); // installs to /opt/huikuan
        assertThat(Files.readString(linux.resolve("resources/huikuan-cli.desktop"))).contains("NoDisplay=true");
        for (String script : List.of("resources/postinst", "resources/prerm", "dump-cds.sh", "build.sh", "smoke-test.sh")) {
            assertThat(Files.isExecutable(linux.resolve(script))).as(script + " executable").isTrue();
        }
    }

    @Test
    void argumentFilesAndLauncherPropertiesAreAscii() throws IOException {
        // JDK 17's jpackage reads them in the platform charset (cp1252 on an English Windows)
        List<Path> files = new ArrayList<>(List.of(INSTALLER.resolve("common.args"), INSTALLER.resolve("windows/jpackage.args")));
        for (String os : OSES) files.add(INSTALLER.resolve(os).resolve("huikuan-cli.properties"));
        for (Path f : files) {
            String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            assertThat(text.chars()).as(f.toString()).allMatch(c -> c < 128);
        }
    }

    /** What the JVM started with the launcher's options prints; a class of this file's is the program. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello");
        }
    }

    @Test
    void eachOsLauncherOptionsRunWithTheArchiveMissingOrBroken(@TempDir Path appDir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(Hello.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Path archive = appDir.resolve("huikuan-cli.jsa");
        Map<String, byte[]> archives = new java.util.LinkedHashMap<>();
        archives.put("missing", null);
        archives.put("empty", new byte[0]);
        archives.put("not an archive", "not a class-data sharing archive".getBytes(StandardCharsets.US_ASCII));
        for (String os : OSES) {
            for (var state : archives.entrySet()) {
                Files.deleteIfExists(archive);
                if (state.getValue() != null) Files.write(archive, state.getValue());
                List<String> cmd = new ArrayList<>(List.of(java));
                for (String o : javaOptions(launcherProperties(os))) cmd.add(o.replace("$APPDIR", appDir.toString()));
                cmd.addAll(List.of("-cp", classes, Hello.class.getName()));
                ProcessBuilder pb = new ProcessBuilder(cmd);
                pb.environment().remove("JAVA_TOOL_OPTIONS");
                Process p = pb.start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(os + ", archive " + state.getKey() + ": " + err).isZero();
                assertThat(out).as(os + ", archive " + state.getKey() + ": nothing but the program's output").isEqualTo("hello" + System.lineSeparator());
            }
        }
    }
}
