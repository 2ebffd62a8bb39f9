package org.subledger.platform.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A sandbox's clock: the system's UTC clock shifted by an offset that an administrator can move forward at run time
 * ({@code PUT /api/admin/clock}, only with {@code ledger.clock.adjustable=true}), so a newcomer can watch a
 * subscription bill month after month without restarting. Never backward: events are recorded in time order. The
 * offset lives in this node's memory; a restart starts again from {@code ledger.clock.offset}.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private volatile Duration offset;

    public AdjustableClock(Clock base, Duration offset) {
        this.base = base;
        this.offset = offset;
    }

    /** Moves the clock forward by {@code step}; a negative step is refused. Returns the new offset. */
    public synchronized Duration advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("the ledger's clock only moves forward");
        }
        offset = offset.plus(step);
        return offset;
    }

    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), offset);
    }
}
