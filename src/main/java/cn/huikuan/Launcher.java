package cn.huikuan;
public final class Launcher { public static void main(String[] a) {} }
