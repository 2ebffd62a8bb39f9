package org.subledger.platform.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.subledger.kernel.collections.CollectionRunRequested;
import org.subledger.kernel.collections.CollectionRunStarted;
import org.subledger.kernel.collections.RunDefinitionChanged;
import org.subledger.kernel.collections.RunDefinitionCreated;

/**
 * Revision 1 of the events that carry a run definition's settings predates scheduled-actions runs: their settings name
 * no behaviour codes ({@code "behaviourCodes": null}, what a deactivation or reactivation has), and they become
 * revision 2.
 */
public class RunSettingsBehaviourCodesUpcaster extends NextRevisionUpcaster {

    public RunSettingsBehaviourCodesUpcaster() {
        super("1", "2", RunSettingsBehaviourCodesUpcaster::noBehaviourCodes, RunDefinitionCreated.class,
                RunDefinitionChanged.class, CollectionRunRequested.class, CollectionRunStarted.class);
    }

    private static JsonNode noBehaviourCodes(JsonNode payload) {
        if (payload.get("settings") instanceof ObjectNode settings && !settings.has("behaviourCodes")) {
            settings.putNull("behaviourCodes");
        }
        return payload;
    }
}
