package cn.huikuan.storage;

/** A stored evidence file against the SHA-256 and size recorded when it was imported. */
public enum FileIntegrity { OK, MISSING, ALTERED }
