package dev.iamatlas.model.edit;

import dev.iamatlas.model.snapshot.AccountSnapshot;

/**
 * An edit that changes one entity: execute reads it, makes the changed entity and remembers the original; undo puts
 * the original back.
 *
 * @param <T> the entity type
 */
abstract class BaseEdit<T> implements SnapshotEdit {
    private T before;

    /** Reads the entity this edit changes. */
    abstract T read(AccountSnapshot snapshot);

    /** The changed entity. */
    abstract T change(T entity);

    /** Puts an entity into a snapshot. */
    abstract AccountSnapshot write(AccountSnapshot snapshot, T entity);

    @Override
    public final AccountSnapshot execute(AccountSnapshot snapshot) {
        T current = read(snapshot);
        T next = change(current);
        before = current;
        return write(snapshot, next);
    }

    @Override
    public final AccountSnapshot undo(AccountSnapshot snapshot) {
        if (before == null) {
            throw new IllegalStateException("undo before execute: " + description());
        }
        return write(snapshot, before);
    }

    @Override
    public String toString() {
        return description();
    }
}
