package cn.huikuan.application;

import java.util.List;

/** One page of a list sorted and cut in the database. {@code page} counts from 0. */
public record Page<T>(List<T> rows, long total, int page, int pageSize) {
    public int pageCount() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
