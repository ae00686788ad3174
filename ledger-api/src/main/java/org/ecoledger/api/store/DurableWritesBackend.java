package org.ecoledger.api.store;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.ecoledger.core.store.StoreDurability;
import org.ecoledger.core.store.StoreUnavailableException;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

/**
 * The store mode's backend: a command that may have written is answered only after the store has made it durable,
 * so a remote client's acknowledged write survives a crash of the store process, as with a journaled write concern.
 *
 * <p>Remote clients cannot call {@link StoreDurability#awaitDurable()} themselves, so this wrapper calls it for them
 * after every command not known to be read-only. It uses the store's {@link GroupCommit}: concurrent writers from all
 * connected nodes share one commit. Read-only commands (the set below) are answered without waiting.
 */
final class DurableWritesBackend implements MongoBackend {

    /** Commands that never change stored data; every other command is followed by a commit (fail safe). */
    private static final Set<String> READ_ONLY_COMMANDS = Set.of(
            "find", "getmore", "count", "distinct", "killcursors", "listcollections", "listindexes",
            "listdatabases", "ping", "hello", "ismaster", "buildinfo", "whatsmyuri", "serverstatus", "dbstats",
            "collstats", "getparameter", "getcmdlineopts", "getlog", "hostinfo", "connectionstatus", "endsessions",
            "getlasterror", "getfreemonitoringstatus", "replsetgetstatus", "features", "saslstart", "saslcontinue",
            "explain", "currentop");

    private final MongoBackend delegate;
    private final StoreDurability durability;

    DurableWritesBackend(MongoBackend delegate, StoreDurability durability) {
        this.delegate = delegate;
        this.durability = durability;
    }

    static boolean mayWrite(String command) {
        return !READ_ONLY_COMMANDS.contains(command.toLowerCase(Locale.ROOT));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        String command = message.getDocument().keySet().iterator().next();
        Document response;
        try {
            response = delegate.handleMessage(message);
        } catch (RuntimeException e) {
            // Also after a failed command: an ordered batch may have written some documents before it failed.
            awaitDurableAfterFailure(command, e);
            throw e;
        }
        awaitDurableIfWritten(command);
        return response;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document response;
        try {
            response = delegate.handleCommand(channel, database, command, query);
        } catch (RuntimeException e) {
            awaitDurableAfterFailure(command, e);
            throw e;
        }
        awaitDurableIfWritten(command);
        return response;
    }

    private void awaitDurableAfterFailure(String command, RuntimeException failure) {
        try {
            awaitDurableIfWritten(command);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private void awaitDurableIfWritten(String command) {
        if (!mayWrite(command)) {
            return;
        }
        try {
            durability.awaitDurable();
        } catch (StoreUnavailableException e) {
            // MongoDB's code for a write that was applied but whose write concern could not be satisfied.
            throw new MongoServerError(64, "WriteConcernFailed",
                    "the store could not make the write durable: " + e.getMessage(), e);
        }
    }

    @Override
    public void handleClose(Channel channel) {
        delegate.handleClose(channel);
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return delegate.handleQuery(query);
    }

    @Override
    public void dropDatabase(String database) {
        delegate.dropDatabase(database);
        awaitDurableIfWritten("dropDatabase");
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return delegate.getCurrentOperations(query);
    }

    @Override
    public Document getServerStatus() {
        return delegate.getServerStatus();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        delegate.closeCursors(cursorIds);
    }

    @Override
    public Clock getClock() {
        return delegate.getClock();
    }

    @Override
    public void enableOplog() {
        delegate.enableOplog();
    }

    @Override
    public void disableOplog() {
        delegate.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return delegate.resolveDatabase(database);
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        delegate.version(version);
        return this;
    }
}
