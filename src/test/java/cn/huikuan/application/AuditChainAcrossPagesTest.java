package cn.huikuan.application;

import org.junit.jupiter.api.BeforeEach;

/**
 * Every check of {@link AuditChainTest} again with verify reading four rows per page, so that the journal walk
 * after the last key read and the records read by key in batches cross page ends (the sample book's 15 entries).
 */
class AuditChainAcrossPagesTest extends AuditChainTest {
    @Override
    @BeforeEach
    void open() {
        super.open();
        books.audit().page = 4;
    }
}
