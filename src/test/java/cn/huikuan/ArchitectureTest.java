package cn.huikuan;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.Assertions;

/** Keeps the layers apart: the domain is plain Java, the command line never touches JavaFX. */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("cn.huikuan");
    }

    @Test
    void domainIsFreeOfJavaFxHibernateJpaAndIText() {
        noClasses().that().resideInAPackage("cn.huikuan.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.hibernate..", "jakarta.persistence..",
                        "com.itextpdf..", "org.flywaydb..", "java.sql..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void domainDoesNotReachOutward() {
        noClasses().that().resideInAPackage("cn.huikuan.domain..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.huikuan.application..", "cn.huikuan.persistence..",
                        "cn.huikuan.ui..", "cn.huikuan.cli..")
                .check(classes);
    }

    /** The derived file passwords of protected books are for the storage layer only (issue 24, DatabaseKey). */
    @Test
    void onlyTheStorageLayerDerivesFilePasswords() {
        noClasses().that().resideOutsideOfPackages("cn.huikuan.persistence..", "cn.huikuan.storage..")
                .should().callMethod(cn.huikuan.storage.DatabaseKey.class, "filePassword", byte[].class)
                .orShould().callMethod(cn.huikuan.storage.DatabaseKey.class, "h2Password", byte[].class)
                .check(classes);
    }

    /** Plain Java, and the conduct guard's Chinese text reading (cn.huikuan.law.text, issue 20). */
    @Test
    void lawRulesArePlainJava() {
        ArchRuleDefinition.classes().that().resideInAPackage("cn.huikuan.law")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.huikuan.law", "cn.huikuan.law.text")
                .check(classes);
    }

    /** Issue 23: statements are read and matched in plain Java (no file, database or screen), testable on rows and values. */
    @Test
    void statementsArePlainJava() {
        ArchRuleDefinition.classes().that().resideInAPackage("cn.huikuan.statements")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java.lang..", "java.util..", "java.math..", "java.time..",
                        "java.security..", "java.nio.charset..", "cn.huikuan.statements")
                .check(classes);
    }

    /**
     * The only place ICU4J is used (issue 20): 繁简, pinyin, full-width folding, word segmentation for the conduct
     * guard. Kept to one small package so the law rules stay plain Java and ICU loads only when a message is checked.
     */
    @Test
    void chineseTextIsTheOnlyUserOfIcu() {
        ArchRuleDefinition.classes().that().resideInAPackage("cn.huikuan.law.text")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.ibm.icu..", "cn.huikuan.law.text")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("cn.huikuan.law.text")
                .should().dependOnClassesThat().resideInAnyPackage("com.ibm.icu..")
                .check(classes);
    }

    /**
     * The one place a calendar library enters the law engine (issue 19): lunar-java computes the lunar dates and 清明
     * behind law.LunarDates, so the rules in cn.huikuan.law stay plain Java and the library can be swapped here alone.
     */
    @Test
    void lunarCalendarAdapterUsesOnlyItsLibraryAndTheLawPackage() {
        ArchRuleDefinition.classes().that().resideInAPackage("cn.huikuan.law.calendar")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.nlf.calendar..", "cn.huikuan.law", "cn.huikuan.law.calendar")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("cn.huikuan.law.calendar")
                .should().dependOnClassesThat().resideInAnyPackage("com.nlf..")
                .check(classes);
    }

    /** Loaded by IsolatedStore's class loader, which sees the JDK and H2 only (issue 24). */
    @Test
    void theIsolatedStoreReaderUsesTheJdkAndH2Only() {
        ArchRuleDefinition.classes().that().resideInAPackage("cn.huikuan.persistence.isolated")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.h2..", "cn.huikuan.persistence.isolated")
                .check(classes);
    }

    @Test
    void documentsAreContentNotLayout() {
        ArchRuleDefinition.classes().that().resideInAPackage("cn.huikuan.documents")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.huikuan.documents", "cn.huikuan.domain", "cn.huikuan.law")
                .check(classes);
    }

    @Test
    void wizardRulesArePlainJava() {
        ArchRuleDefinition.classes().that().resideInAPackage("cn.huikuan.workflow")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.huikuan.workflow", "cn.huikuan.domain", "cn.huikuan.law")
                .check(classes);
    }

    /** The PDF layer, and the bench's fixture writer (cn.huikuan.tools.BenchFixtures: sample statements and photo pages). */
    @Test
    void onlyThePdfLayerUsesIText() {
        noClasses().that().resideOutsideOfPackages("cn.huikuan.pdf..", "cn.huikuan.tools..")
                .should().dependOnClassesThat().resideInAnyPackage("com.itextpdf..")
                .check(classes);
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideOutsideOfPackages("cn.huikuan.ui..")
                .and().doNotHaveFullyQualifiedName("cn.huikuan.Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..")
                .check(classes);
    }

    @Test
    void applicationAndPersistenceDoNotKnowTheUi() {
        noClasses().that().resideInAnyPackage("cn.huikuan.application..", "cn.huikuan.persistence..", "cn.huikuan.cli..")
                .should().dependOnClassesThat().resideInAPackage("cn.huikuan.ui..")
                .check(classes);
    }

    /**
     * The allow-list (issue 25): for each of the app's packages, the only packages of the app it may use. A package not
     * listed here fails the test until it is given its place; a use not allowed here fails it until it is removed or the
     * list is changed on purpose (docs/architecture.md draws the same layers). Third-party libraries are kept to their
     * layers by the rules above (JavaFX, iText, ICU, lunar-java, Hibernate/JPA in the domain).
     */
    static final Map<String, List<String>> MAY_USE = Map.ofEntries(
            Map.entry("domain", List.of()),
            Map.entry("law", List.of("law.text")),
            Map.entry("law.text", List.of()),
            Map.entry("law.calendar", List.of("law")),
            Map.entry("law.data", List.of("law", "law.calendar")),
            Map.entry("workflow", List.of("domain", "law")),
            Map.entry("documents", List.of("domain", "law")),
            Map.entry("i18n", List.of("domain")),
            Map.entry("storage", List.of()),
            // issue 23: reading statements and proposing matches, plain Java over rows and values
            Map.entry("statements", List.of()),
            Map.entry("logging", List.of()),
            Map.entry("persistence.isolated", List.of()),
            Map.entry("persistence", List.of("domain", "storage", "persistence.isolated", "root")),
            // issue 23: invoice files read with the JDK alone (no UI, no persistence); the pdf layer draws an OFD's pages
            Map.entry("invoices", List.of()),
            Map.entry("pdf", List.of("domain", "documents", "storage", "invoices", "root")),
            // i18n: the Excel lists are written in the user's language (issue 21)
            Map.entry("application", List.of("domain", "law", "law.data", "workflow", "documents", "pdf", "persistence",
                    "storage", "i18n", "invoices", "statements", "root")),
            Map.entry("ui", List.of("application", "domain", "law", "law.data", "workflow", "documents", "pdf", "i18n",
                    "logging", "storage", "invoices", "statements", "root")),
            Map.entry("cli", List.of("application", "domain", "law", "law.data", "documents", "pdf", "storage", "invoices", "statements", "root")),
            Map.entry("tools", List.of("cli", "application", "domain", "law", "law.data", "law.text", "documents", "pdf",
                    "persistence", "storage", "invoices", "statements", "root")));

    /** The root package's shared utilities (start-up timing, the version), which every layer may use; the launcher is not one. */
    static final Set<String> ROOT_UTILITIES = Set.of("cn.huikuan.StartupTiming", "cn.huikuan.Version");

    @Test
    void everyPackageUsesOnlyWhatTheAllowListGivesIt() {
        Set<String> packages = new TreeSet<>();
        classes.forEach(c -> packages.add(c.getPackageName()));
        for (String pkg : packages) {
            if (pkg.equals("cn.huikuan")) continue;
            String key = pkg.substring("cn.huikuan.".length());
            Assertions.assertThat(MAY_USE).as("package " + pkg + " has no place in the allow-list").containsKey(key);
        }
        MAY_USE.forEach((key, allowed) -> {
            String pkg = "cn.huikuan." + key;
            Set<String> ok = new HashSet<>();
            ok.add(pkg);
            for (String a : allowed) if (!a.equals("root")) ok.add("cn.huikuan." + a);
            boolean root = allowed.contains("root");
            DescribedPredicate<JavaClass> permitted =
                    DescribedPredicate.describe("outside the app, or in " + ok + (root ? " or a root utility" : ""),
                            c -> !c.getPackageName().startsWith("cn.huikuan") || ok.contains(c.getPackageName())
                                    || (root && ROOT_UTILITIES.contains(c.getName())));
            ArchRuleDefinition.classes().that().resideInAPackage(pkg)
                    .should().onlyDependOnClassesThat(permitted)
                    .allowEmptyShould(true)
                    .check(classes);
        });
    }

    /** The launcher is the only way into the window, the command line and the tools; the tools are used by nothing of the product. */
    @Test
    void theLauncherAndTheToolsAreUsedByNothingOfTheProduct() {
        noClasses().that().doNotHaveFullyQualifiedName("cn.huikuan.Launcher").and().resideOutsideOfPackage("cn.huikuan.tools")
                .should().dependOnClassesThat().resideInAPackage("cn.huikuan.tools")
                .check(classes);
        noClasses().that().doNotHaveFullyQualifiedName("cn.huikuan.Launcher")
                .should().dependOnClassesThat().haveFullyQualifiedName("cn.huikuan.Launcher")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("cn.huikuan.(*)..").should().beFreeOfCycles().check(classes);
    }
}
