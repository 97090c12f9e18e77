package cn.huikuan.persistence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import cn.huikuan.persistence.isolated.StoreReader;
import java.sql.Connection;

/**
 * The storage-level reader of databases from outside runs in a class loader that sees the JDK and H2 only: a data-type
 * name recorded in a hostile file (H2 resolves them with Class.forName) cannot reach a class of the app or of its other
 * libraries, whose static initialisers would run.
 */
class IsolatedStoreTest {
    @Test
    void theReaderSeesTheJdkAndH2AndNothingElse() throws Exception {
        Class<?> reader = IsolatedStore.readerClass();
        ClassLoader loader = reader.getClassLoader();
        assertThat(loader).isInstanceOf(IsolatedStore.Loader.class);
        assertThat(Class.forName("org.h2.mvstore.MVStore", false, loader).getClassLoader()).isSameAs(loader);
        assertThat(Class.forName("java.sql.Connection", false, loader)).isSameAs(Connection.class);
        for (String name : new String[]{"cn.huikuan.Launcher", "cn.huikuan.persistence.Database", "org.hibernate.Session",
                "org.flywaydb.core.Flyway", "com.itextpdf.kernel.pdf.PdfDocument", "org.slf4j.LoggerFactory", "javafx.application.Platform"}) {
            assertThatThrownBy(() -> Class.forName(name, true, loader)).as(name).isInstanceOf(ClassNotFoundException.class);
        }
        assertThat(reader).isNotSameAs(StoreReader.class);
    }
}
