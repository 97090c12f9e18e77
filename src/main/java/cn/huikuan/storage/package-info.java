/**
 * What the application, the window and the command line may know of the books' storage without reaching into
 * {@code cn.huikuan.persistence} (issue 25's allow-list): the key that opens protected books, why a folder or a
 * backup cannot be opened, why an evidence file was refused, and a stored file's integrity. Plain values and
 * exceptions; the storage itself (H2, Flyway, the evidence store, restore) stays behind the application layer.
 */
package cn.huikuan.storage;
