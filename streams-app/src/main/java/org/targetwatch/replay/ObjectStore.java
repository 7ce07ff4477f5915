package org.targetwatch.replay;

import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;

/**
 * What replay's object stores share: a name, open from {@code init} to {@code close} (which forgets
 * everything held), never persistent, and the copying of the values they hold.
 */
abstract class ObjectStore implements StateStore {
  protected final StoreValueCopies.ForStore copies = new StoreValueCopies.ForStore();
  private final String name;
  private boolean open;

  ObjectStore(String name) {
    this.name = name;
  }

  /** Drops every entry; called on close. */
  abstract void forgetAll();

  @Override
  public String name() {
    return name;
  }

  @Override
  public void init(StateStoreContext context, StateStore root) {
    open = true;
  }

  @Override
  public boolean persistent() {
    return false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    forgetAll();
    open = false;
  }
}
