package cn.huikuan.application;

import cn.huikuan.domain.AgingBucket;

/**
 * What the user asked a list for: a filter text, an optional aging bucket, a sort column and direction,
 * and a page. The sort key is one of the names the query knows; anything else sorts by the default.
 */
public record ListQuery(String text, AgingBucket bucket, String sortKey, boolean ascending, int page, int pageSize) {
    public static ListQuery first(int pageSize) {
        return new ListQuery(null, null, null, true, 0, pageSize);
    }

    public ListQuery withPage(int p) {
        return new ListQuery(text, bucket, sortKey, ascending, p, pageSize);
    }

    public ListQuery withText(String t) {
        return new ListQuery(t, bucket, sortKey, ascending, 0, pageSize);
    }

    public ListQuery withBucket(AgingBucket b) {
        return new ListQuery(text, b, sortKey, ascending, 0, pageSize);
    }

    public ListQuery withSort(String key, boolean asc) {
        return new ListQuery(text, bucket, key, asc, 0, pageSize);
    }
}
