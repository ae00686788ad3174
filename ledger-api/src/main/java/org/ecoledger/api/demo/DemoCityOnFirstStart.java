package org.ecoledger.api.demo;

import org.ecoledger.api.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * {@code LEDGER_DEMO_DATA}: once the application is up (HTTP served, health UP), loads the demo city in the
 * background if the store holds no event at all; the log shows its progress and {@code /actuator/health} its state
 * (component {@code demoCity}). A store with any event — a second start, or a ledger in use — is never touched.
 *
 * <p>At shutdown the load stops after the records being written (each is one commit: whole or absent), before the
 * command bus stops; the next start finds a non-empty store and says that the city is incomplete.
 */
final class DemoCityOnFirstStart implements ApplicationListener<ApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(DemoCityOnFirstStart.class);
    private static final long STOP_WAIT_MILLIS = 30_000;

    private final LedgerProperties ledger;
    private final DemoProperties demo;
    private final DemoCityLoader loader;
    private final DemoCityStatus status;
    private volatile Thread thread;

    DemoCityOnFirstStart(LedgerProperties ledger, DemoProperties demo, DemoCityLoader loader, DemoCityStatus status) {
        this.ledger = ledger;
        this.demo = demo;
        this.loader = loader;
        this.status = status;
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationReadyEvent) {
            start();
        } else if (event instanceof ContextClosedEvent) {
            stop();
        }
    }

    private synchronized void start() {
        if (!ledger.demoDataEnabled()) {
            status.state(DemoCityStatus.State.DISABLED);
            return;
        }
        if (thread != null) {
            return;
        }
        Thread loading = new Thread(() -> {
            try {
                loader.loadIntoEmptyStore(demo.size(), demo.writers());
            } catch (DemoLoadException e) {
                if (loader.stopped()) {
                    log.warn("demo city: the load was stopped by the shutdown after {} entries; the store holds part "
                             + "of the demo city", status.commandsWritten());
                } else {
                    log.error("demo city: the load failed; the ledger serves what was written", e);
                }
            } catch (RuntimeException | Error e) {
                log.error("demo city: the load failed; the ledger serves what was written", e);
            }
        }, "demo-city");
        loading.setDaemon(true);
        thread = loading;
        loading.start();
    }

    private void stop() {
        Thread loading = thread;
        if (loading != null && loading.isAlive()) {
            loader.stop();
            try {
                loading.join(STOP_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
