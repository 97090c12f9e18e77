package cn.huikuan.persistence;

import cn.huikuan.application.TeamAdmin;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.PartyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One ORM for the office books of a server (issue 22: {@code team overview} booted Hibernate once per book): against a
 * real PostgreSQL, two books opened in turn and at once, by two staff members, boot it once, and each session writes
 * into its own book's schema as its own login — never into the book whose connections booted it.
 */
class OfficeOrmTest {
    @TempDir
    Path pc;

    @Test
    void booksOfOneServerShareOneOrmAndEachWritesIntoItsOwnSchema() throws Exception {
        String url = PostgresServer.get().createDatabase("office_orm");
        TeamAdmin admin = TeamAdmin.connect(url, "postgres", PostgresServer.SUPERUSER_PASSWORD.toCharArray());
        admin.init();
        admin.addUser("ming", TeamAdmin.Role.OWNER, "ming-pw-1234".toCharArray());
        TeamAdmin owner = TeamAdmin.connect(url, "ming", "ming-pw-1234".toCharArray());
        owner.addUser("hong", TeamAdmin.Role.BOOKKEEPER, "hong-pw-1234".toCharArray());
        String a = owner.addBook("甲").schema(), b = owner.addBook("乙").schema();
        owner.grant("hong", b);

        int before = Database.officeOrmBoots.get();
        try (Database first = Database.openOffice(pc.resolve("a"), url, "ming", "ming-pw-1234".toCharArray(), a)) {
            addCustomer(first, "甲的客户");
            // a second book open at the same time, another login: the same ORM, its own connections
            try (Database second = Database.openOffice(pc.resolve("b"), url, "hong", "hong-pw-1234".toCharArray(), b)) {
                addCustomer(second, "乙的客户");
                // a session of the shared ORM acts as the book's own login, on the book's own schema
                String asHong = second.inTransaction(s -> s.createNativeQuery("SELECT session_user || ' ' || current_schema()", String.class)
                        .getSingleResult());
                String asMing = first.inTransaction(s -> s.createNativeQuery("SELECT session_user || ' ' || current_schema()", String.class)
                        .getSingleResult());
                assertThat(asHong).isEqualTo("hong " + b);
                assertThat(asMing).isEqualTo("ming " + a);
            }
        }
        // the book that booted it is closed: the next book still works with it
        try (Database again = Database.openOffice(pc.resolve("b2"), url, "hong", "hong-pw-1234".toCharArray(), b)) {
            addCustomer(again, "乙的第二位客户");
        }
        assertThat(Database.officeOrmBoots.get() - before).as("one boot for the server, not one per book").isEqualTo(1);

        assertThat(customers(url, a)).containsExactly("甲的客户");
        assertThat(customers(url, b)).containsExactly("乙的客户", "乙的第二位客户");
    }

    private static void addCustomer(Database db, String name) {
        long creditor = db.withConnection(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT MIN(id) FROM creditor")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        long book = creditor != 0 ? creditor : db.inTransaction(s -> {
            var p = new cn.huikuan.domain.CreditorProfile(PartyKind.ORGANISATION, "我的企业");
            s.persist(p);
            return p.getId();
        });
        db.inTransactionDo(s -> s.persist(new Customer(book, PartyKind.PERSON, name)));
    }

    private static List<String> customers(String url, String schema) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD);
             var rs = c.createStatement().executeQuery("SELECT name FROM " + schema + ".customer ORDER BY id")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }
}
