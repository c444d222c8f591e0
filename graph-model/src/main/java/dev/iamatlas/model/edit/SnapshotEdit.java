package dev.iamatlas.model.edit;

import dev.iamatlas.model.snapshot.AccountSnapshot;

/**
 * A what-if change to a snapshot, as a command: {@link #execute} makes the changed snapshot, {@link #undo} puts back
 * what it changed, and {@link #description} says what it does in a line ("add permission apigw-prod to orders:live").
 * Snapshots are immutable: both return a new snapshot that shares every untouched entity with the one given.
 *
 * <p>An edit remembers what it replaced when it executes, so {@code undo} restores exactly that entity, even when
 * other edits to other entities happened since.
 */
public interface SnapshotEdit {

    /** A line for the change list. */
    String description();

    /**
     * Applies the change.
     *
     * @throws IllegalArgumentException when the snapshot has no such entity, or the change makes no sense (a
     *     statement id that already exists, a statement that is not there); the message names it
     */
    AccountSnapshot execute(AccountSnapshot snapshot);

    /**
     * Reverts the change made by the last {@link #execute}.
     *
     * @throws IllegalStateException when the edit has not been executed
     */
    AccountSnapshot undo(AccountSnapshot snapshot);
}
