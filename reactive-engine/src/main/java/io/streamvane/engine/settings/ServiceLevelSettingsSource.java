package io.streamvane.engine.settings;

import io.streamvane.model.kpi.ServiceLevelPolicy;
import io.streamvane.model.store.KpiSettingsStore;
import io.streamvane.model.store.Transactions;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Supplies the current {@link ServiceLevelPolicy}, as every surface reads it: {@link KpiSettingsStore#policy} (the
 * published {@code streamvane.kpi.service-level} layers with the thresholds synced from Genesys). {@link #refresh()}
 * re-reads the store and tells listeners when the policy changed, so recent buckets are restated under it.
 */
public final class ServiceLevelSettingsSource implements Supplier<ServiceLevelPolicy> {

    private final Transactions tx;
    private final AtomicReference<ServiceLevelPolicy> current = new AtomicReference<>(ServiceLevelPolicy.defaults());
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private boolean changedBeforeStart;
    private boolean loaded;

    /**
     * @param changedBeforeStart this process's start-up changed the stored layers, so what is stored was projected
     *                           under other settings and the first refresh counts as a change
     */
    public ServiceLevelSettingsSource(Transactions tx, boolean changedBeforeStart) {
        this.tx = tx;
        this.changedBeforeStart = changedBeforeStart;
    }

    @Override
    public ServiceLevelPolicy get() {
        return current.get();
    }

    /**
     * Runs {@code listener} after a refresh that found the policy changed since the previous refresh; the first
     * refresh of the process counts only when the start-up itself changed the settings.
     */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Re-reads the stored layers and synced thresholds; returns the new policy. */
    public synchronized ServiceLevelPolicy refresh() throws SQLException {
        ServiceLevelPolicy policy = tx.inTransaction(KpiSettingsStore::policy);
        ServiceLevelPolicy before = current.getAndSet(policy);
        boolean changed = loaded ? !before.equals(policy) : changedBeforeStart;
        loaded = true;
        changedBeforeStart = false;
        if (changed) {
            changeListeners.forEach(Runnable::run);
        }
        return policy;
    }
}
