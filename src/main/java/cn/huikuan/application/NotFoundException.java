package cn.huikuan.application;

/** The record asked for does not exist in the open book (deleted, or never there). */
public class NotFoundException extends RuntimeException {
    private final String what;
    private final long id;

    public NotFoundException(String what, long id) {
        super(what + " " + id + " not found");
        this.what = what;
        this.id = id;
    }

    public String what() { return what; }
    public long id() { return id; }
}
