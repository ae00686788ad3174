package org.ecoledger.api.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo city's one source of chance: a {@link SplittableRandom} with a fixed seed, drawn from in a fixed order, so
 * the same seed and sizes give the same city, command for command. Nothing here reads a clock.
 */
final class DemoRandom {

    private final SplittableRandom random;

    DemoRandom(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** A uniform integer in {@code [0, bound)}. */
    int below(int bound) {
        return random.nextInt(bound);
    }

    /** A uniform integer in {@code [low, high]}. */
    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    double unit() {
        return random.nextDouble();
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A uniform day in {@code [from, to]}. */
    LocalDate day(LocalDate from, LocalDate to) {
        long span = ChronoUnit.DAYS.between(from, to);
        return span <= 0 ? from : from.plusDays(random.nextLong(span + 1));
    }

    /** A uniform working day (Monday to Friday) in {@code [from, to]}; {@code from} when the span has none. */
    LocalDate weekday(LocalDate from, LocalDate to) {
        int count = weekdays(from, to);
        if (count == 0) {
            return from;
        }
        int target = random.nextInt(count);
        LocalDate day = from;
        while (!isWeekday(day)) {
            day = day.plusDays(1);
        }
        day = day.plusWeeks(target / 5);
        for (int left = target % 5; left > 0; ) {
            day = day.plusDays(1);
            if (isWeekday(day)) {
                left--;
            }
        }
        return day;
    }

    static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The working days (Monday to Friday; public holidays are not modelled) in {@code [from, to]}. */
    static int weekdays(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days <= 0) {
            return 0;
        }
        int count = (int) (days / 7) * 5;
        LocalDate day = from.plusDays(days / 7 * 7);
        for (; !day.isAfter(to); day = day.plusDays(1)) {
            if (isWeekday(day)) {
                count++;
            }
        }
        return count;
    }
}
