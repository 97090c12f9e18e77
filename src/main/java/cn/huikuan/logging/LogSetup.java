package cn.huikuan.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import ch.qos.logback.classic.filter.ThresholdFilter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Logging (issue 21), configured in code rather than from an XML file (no parsing at every start): messages go to
 * standard error, at {@code -Dhuikuan.logLevel} (the command line: warnings; the window: information), and, once the
 * window knows its data folder, also to a rolling log file there ({@link #toFolder}), which a user can send when
 * something goes wrong: {@code <data>/logs/huikuan.log}, a new file each day or at 5 MB, 14 days and 50 MB at most.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";
    private static volatile Path logFile;

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("stderr");
        console.setTarget("System.err");
        console.setEncoder(encoder(context, "[%thread] %level %logger - %msg%n"));
        // the console shows what -Dhuikuan.logLevel asks (the command line: warnings); the file, once there is one, more
        ThresholdFilter threshold = new ThresholdFilter();
        threshold.setLevel(System.getProperty("huikuan.logLevel", "info"));
        threshold.start();
        console.addFilter(threshold);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        Level consoleLevel = Level.toLevel(System.getProperty("huikuan.logLevel", "info"), Level.INFO);
        root.setLevel(consoleLevel); // raised to information by toFolder when there is a file
        root.addAppender(console);
        // Apache POI (the statement import's .xls reader) warns of every workbook without document properties (most bank
        // exports): nothing a user can act on; what cannot be read is refused by the import with a sentence of its own
        context.getLogger("org.apache.poi").setLevel(Level.ERROR);
        // and FontBox (PDFBox's font reader) of every odd glyph table in a PDF it reads the text of (a bank's statement, an invoice)
        context.getLogger("org.apache.fontbox").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder e = new PatternLayoutEncoder();
        e.setContext(context);
        e.setPattern(pattern);
        e.setCharset(StandardCharsets.UTF_8);
        e.start();
        return e;
    }

    /** The folder the log file is written to, under the data folder. */
    public static Path folder(Path dataFolder) {
        return dataFolder.resolve("logs");
    }

    /** Stops writing the log file (tests; the app keeps it until it ends). */
    public static synchronized void stopFile() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var old = root.getAppender("file");
        if (old != null) {
            root.detachAppender(old);
            old.stop();
        }
        logFile = null;
    }

    /** The log file being written, or null before {@link #toFolder}. */
    public static Path file() {
        return logFile;
    }

    /**
     * Also writes the log, at information level and above, to {@code <dataFolder>/logs/huikuan.log} (rolling). Returns the
     * file; calling it again for another folder moves the log there.
     */
    public static synchronized Path toFolder(Path dataFolder) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return null;
        Path dir = folder(dataFolder);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            LoggerFactory.getLogger(LogSetup.class).warn("No log file: {}", e.toString());
            return null;
        }
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        var old = root.getAppender("file");
        if (old != null) {
            root.detachAppender(old);
            old.stop();
        }
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("file");
        Path current = dir.resolve("huikuan.log");
        file.setFile(current.toString());
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(dir.resolve("huikuan.%d{yyyy-MM-dd}.%i.log").toString());
        policy.setMaxFileSize(FileSize.valueOf("5MB"));
        policy.setMaxHistory(14);
        policy.setTotalSizeCap(FileSize.valueOf("50MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder(context, PATTERN));
        file.start();
        root.addAppender(file);
        // the file gets information and above; the console keeps its own threshold (warnings on the command line)
        if (!root.isEnabledFor(Level.INFO)) root.setLevel(Level.INFO);
        logFile = current;
        return current;
    }
}
