package cn.huikuan.application;

import cn.huikuan.application.TeamAdmin.Role;
import cn.huikuan.persistence.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Team mode's accounts and permissions (issue 22), enforced by a real PostgreSQL server: what each staff member's own
 * SQL client (a plain JDBC connection with their login) may and may not do, whatever the app does.
 */
class TeamAdminTest {
    static String url;
    static TeamAdmin.Book hardware;
    static TeamAdmin.Book restaurant;

    @BeforeAll
    static void anOfficeWithAnOwnerTwoBookkeepersAndAReader() {
        PostgresServer server = PostgresServer.get();
        url = server.createDatabase("office");
        TeamAdmin admin = TeamAdmin.connect(url, "postgres", PostgresServer.SUPERUSER_PASSWORD.toCharArray());
        admin.init();
        admin.init(); // once more: nothing changes
        admin.addUser("olivia", Role.OWNER, "olivia-pw-1".toCharArray());
        // the owner, not the administrator, adds staff and books from here on
        TeamAdmin owner = TeamAdmin.connect(url, "olivia", "olivia-pw-1".toCharArray());
        owner.addUser("alice", Role.BOOKKEEPER, "alice-pw-12".toCharArray());
        owner.addUser("carol", Role.BOOKKEEPER, "carol-pw-12".toCharArray());
        owner.addUser("bob", Role.READ_ONLY, "bob-pw-123".toCharArray());
        hardware = owner.addBook("张三五金店");
        restaurant = owner.addBook("李四餐饮");
        owner.grant("alice", hardware.schema());
        owner.grant("bob", hardware.schema());
        owner.grant("carol", restaurant.schema());
    }

    static Connection as(String login, String password) throws SQLException {
        return DriverManager.getConnection(url, login, password);
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String insertCreditor(String schema) {
        return "INSERT INTO " + schema + ".creditor (version, kind, name, created_at) VALUES (0, 'COMPANY', '某某公司', now())";
    }

    @Test
    void aBookkeeperWritesTheBookGivenToThemAndCannotReadAnother() throws SQLException {
        try (Connection alice = as("alice", "alice-pw-12")) {
            exec(alice, insertCreditor(hardware.schema()));
            exec(alice, "SELECT count(*) FROM " + hardware.schema() + ".customer");
            assertThatThrownBy(() -> exec(alice, "SELECT * FROM " + restaurant.schema() + ".customer"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void theJournalOnlyGrowsForStaff() throws SQLException {
        try (Connection alice = as("alice", "alice-pw-12")) {
            assertThatThrownBy(() -> exec(alice, "UPDATE " + hardware.schema() + ".audit_entry SET content = 'x'"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> exec(alice, "DELETE FROM " + hardware.schema() + ".audit_entry"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void aReaderReadsAndCannotWrite() throws SQLException {
        try (Connection bob = as("bob", "bob-pw-123")) {
            exec(bob, "SELECT count(*) FROM " + hardware.schema() + ".receivable");
            assertThatThrownBy(() -> exec(bob, insertCreditor(hardware.schema())))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void staffSeeOnlyTheNamesOfTheirOwnBooksAndNotTheOfficesList() throws SQLException {
        assertThat(TeamAdmin.connect(url, "carol", "carol-pw-12".toCharArray()).myBooks()).containsExactly(restaurant);
        assertThat(TeamAdmin.connect(url, "olivia", "olivia-pw-1".toCharArray()).myBooks()).containsExactlyInAnyOrder(hardware, restaurant);
        try (Connection carol = as("carol", "carol-pw-12")) {
            assertThatThrownBy(() -> exec(carol, "SELECT * FROM huikuan.book"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void onlyOwnersManageStaffAndBooks() {
        TeamAdmin alice = TeamAdmin.connect(url, "alice", "alice-pw-12".toCharArray());
        assertThatThrownBy(() -> alice.addUser("mallory", Role.OWNER, "mallory-pw-1".toCharArray()))
                .isInstanceOfSatisfying(TeamAdmin.TeamException.class, e -> assertThat(e.sqlState()).isEqualTo("42501"));
        assertThatThrownBy(() -> alice.grant("alice", restaurant.schema())).isInstanceOf(TeamAdmin.TeamException.class);
        assertThatThrownBy(() -> alice.addBook("偷偷建的账本")).isInstanceOf(TeamAdmin.TeamException.class);
    }

    @Test
    void theOwnerSeesWhoMayDoWhat() {
        var staff = TeamAdmin.connect(url, "olivia", "olivia-pw-1".toCharArray()).staff();
        assertThat(staff).extracting(TeamAdmin.StaffMember::login).contains("olivia", "alice", "bob", "carol");
        assertThat(staff).filteredOn(m -> m.login().equals("bob")).singleElement().satisfies(m -> {
            assertThat(m.role()).isEqualTo(Role.READ_ONLY);
            assertThat(m.books()).containsExactly(hardware.schema());
        });
        assertThat(staff).filteredOn(m -> m.login().equals("olivia")).singleElement().extracting(TeamAdmin.StaffMember::role).isEqualTo(Role.OWNER);
    }

    @Test
    void revokingABookEndsEveryReadOfIt() throws SQLException {
        TeamAdmin owner = TeamAdmin.connect(url, "olivia", "olivia-pw-1".toCharArray());
        TeamAdmin.Book temp = owner.addBook("临时账本");
        owner.addUser("dave", Role.BOOKKEEPER, "dave-pw-123".toCharArray());
        owner.grant("dave", temp.schema());
        try (Connection dave = as("dave", "dave-pw-123")) {
            exec(dave, "SELECT count(*) FROM " + temp.schema() + ".customer");
        }
        owner.revoke("dave", temp.schema());
        try (Connection dave = as("dave", "dave-pw-123")) {
            assertThatThrownBy(() -> exec(dave, "SELECT count(*) FROM " + temp.schema() + ".customer"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
        assertThat(TeamAdmin.connect(url, "dave", "dave-pw-123".toCharArray()).myBooks()).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedByTheServer() {
        assertThatThrownBy(() -> TeamAdmin.connect(url, "alice", "not-her-password".toCharArray()).myBooks())
                .isInstanceOfSatisfying(TeamAdmin.TeamException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("28P01");
                    assertThat(e.getMessage()).contains("服务器拒绝登录");
                });
    }

    @Test
    void badNamesAreRefusedBeforeAnythingIsSent() {
        TeamAdmin owner = TeamAdmin.connect(url, "olivia", "olivia-pw-1".toCharArray());
        assertThatThrownBy(() -> owner.addUser("Robert'); DROP TABLE x;--", Role.BOOKKEEPER, "long-enough".toCharArray()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("登录名");
        assertThatThrownBy(() -> owner.grant("alice", "public")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> owner.addUser("erin", Role.BOOKKEEPER, "short".toCharArray())).isInstanceOf(IllegalArgumentException.class);
    }
}
