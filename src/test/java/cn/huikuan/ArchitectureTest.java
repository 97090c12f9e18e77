package cn.huikuan;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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

    /** Plain Java, and the conduct guard's Chinese text reading (cn.huikuan.law.text, issue 20). */
    @Test
    void lawRulesArePlainJava() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("cn.huikuan.law")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.huikuan.law", "cn.huikuan.law.text")
                .check(classes);
    }

    /**
     * The only place ICU4J is used (issue 20): 繁简, pinyin, full-width folding, word segmentation for the conduct
     * guard. Kept to one small package so the law rules stay plain Java and ICU loads only when a message is checked.
     */
    @Test
    void chineseTextIsTheOnlyUserOfIcu() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("cn.huikuan.law.text")
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
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("cn.huikuan.law.calendar")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.nlf.calendar..", "cn.huikuan.law", "cn.huikuan.law.calendar")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("cn.huikuan.law.calendar")
                .should().dependOnClassesThat().resideInAnyPackage("com.nlf..")
                .check(classes);
    }

    /** Loaded by IsolatedStore's class loader, which sees the JDK and H2 only (issue 24). */
    @Test
    void theIsolatedStoreReaderUsesTheJdkAndH2Only() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("cn.huikuan.persistence.isolated")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.h2..", "cn.huikuan.persistence.isolated")
                .check(classes);
    }

    @Test
    void documentsAreContentNotLayout() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("cn.huikuan.documents")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.huikuan.documents", "cn.huikuan.domain", "cn.huikuan.law")
                .check(classes);
    }

    @Test
    void wizardRulesArePlainJava() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("cn.huikuan.workflow")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "cn.huikuan.workflow", "cn.huikuan.domain", "cn.huikuan.law")
                .check(classes);
    }

    @Test
    void onlyThePdfLayerUsesIText() {
        noClasses().that().resideOutsideOfPackages("cn.huikuan.pdf..")
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

    @Test
    void noPackageCycles() {
        slices().matching("cn.huikuan.(*)..").should().beFreeOfCycles().check(classes);
    }
}
