package io.streamvane.model.kpi;

/**
 * Why an agent's participation ended, as far as the KPIs care; the event model maps Genesys' disconnectType onto it.
 * Genesys: "No Answer Transfer: a transfer after an alerting timeout caused the disconnect"; "Transfer", "Consult
 * Transfer", "Conference Transfer" and "Forward Transfer" are the agent's transfers
 * (https://help.mypurecloud.com/articles/disconnect-reasons/).
 */
public enum UserEndReason {
    BLIND_TRANSFER,
    CONSULT_TRANSFER,
    /** a conference or forward transfer: a transfer, neither blind nor consult */
    OTHER_TRANSFER,
    ALERT_TIMEOUT,
    OTHER;

    public boolean isTransfer() {
        return this == BLIND_TRANSFER || this == CONSULT_TRANSFER || this == OTHER_TRANSFER;
    }
}
