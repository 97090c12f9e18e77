package cn.huikuan.domain;

import java.time.Instant;

/** What the evidence store recorded when it took a copy of a file. */
public record StoredFile(String sha256, long sizeBytes, String originalFileName, String mediaType, Instant importedAt) {
}
