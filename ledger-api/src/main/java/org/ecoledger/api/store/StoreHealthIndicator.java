package org.ecoledger.api.store;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import com.mongodb.client.MongoDatabase;

/** {@code /actuator/health} component {@code store}: pings the store and says which one it is. */
public final class StoreHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;
    private final StoreDescription description;

    public StoreHealthIndicator(MongoDatabase database, StoreDescription description) {
        super("The store did not answer a ping");
        this.database = database;
        this.description = description;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetails(description.details());
        database.runCommand(new Document("ping", 1));
        builder.up();
    }
}
