package cn.huikuan;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The fixed "today" of the tests: 2026-11-28 10:00 in China, six months after the sample case fell due. */
public final class TestClock {
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private TestClock() {
    }

    public static Clock fixed() {
        return Clock.fixed(TODAY.atTime(10, 0).atZone(CHINA).toInstant(), CHINA);
    }
}
