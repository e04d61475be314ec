package io.huiju.hub.sync;

import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded broker's settings for the sync addresses, the same as artemis/city/broker.xml and
 * artemis/province/broker.xml give a standalone one: a message that keeps failing ends on huiju.DLQ (without a
 * dead-letter address Artemis drops it after max-delivery-attempts, PITFALLS P5), redeliveries back off, and sync
 * messages never expire (an outage of days must lose nothing).
 */
@Configuration(proxyBeanMethods = false)
class SyncBrokerSettings {

    static final String SYNC_ADDRESSES = "huiju.sync.#";

    @Bean
    ArtemisConfigurationCustomizer syncAddressSettings() {
        return configuration -> configuration.addAddressSetting(
                SYNC_ADDRESSES,
                new AddressSettings()
                        .setDeadLetterAddress(SimpleString.of("huiju.DLQ"))
                        .setMaxDeliveryAttempts(10)
                        .setRedeliveryDelay(1000)
                        .setRedeliveryMultiplier(2)
                        .setMaxRedeliveryDelay(60_000)
                        .setExpiryDelay(-1L));
    }
}
