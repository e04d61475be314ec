package io.huiju.hub.config;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import jakarta.jms.ConnectionFactory;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    /** Validation compares dates with "today"; tests fix the clock. */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /**
     * Remote files a pull channel has taken (route templates refer to it as {@code #takenRemoteFiles}). Persistent, so
     * a restart does not take a file twice; the key names department, file, size and time, so a corrected file with
     * the same name is taken again.
     */
    @Bean
    JdbcMessageIdRepository takenRemoteFiles(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "remote-files");
        repository.setCreateTableIfNotExists(false); // Flyway owns the schema (V2__taken_remote_files.sql)
        return repository;
    }

    /** Spring Boot registers every Jackson module bean on its ObjectMapper; this one writes record bodies faster. */
    @Bean
    Module blackbird() {
        return new BlackbirdModule();
    }

    /**
     * camel-jms has no starter in this mirror, so {@code camel.component.jms.*} would be ignored (STACK.md pitfall 1):
     * the component is a bean on Spring Boot's Artemis connection factory.
     */
    @Bean
    JmsComponent jms(ConnectionFactory connectionFactory) {
        return JmsComponent.jmsComponentAutoAcknowledge(connectionFactory);
    }
}
