package io.huiju.hub.frontdb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One small connection pool per department's front-end database, made on first use from the route instance's
 * parameters and closed with the hub. Small and quick to give up: a poll needs one connection, and a database that is
 * down must fail the poll in seconds (the poller then backs off), never hang the route. The driver is found by the URL,
 * so Oracle, DM or Kingbase only need their jar on the class path (docs/INTEGRATION.md, 前置库).
 */
@Component
class FrontDbSources implements DisposableBean {

    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

    DataSource get(FrontDbFeed feed) {
        // the password is part of the key: a route file reloaded with a new one gets a new pool
        String key = feed.department() + "|" + feed.url() + "|" + feed.username() + "|"
                + feed.password().hashCode();
        return pools.computeIfAbsent(key, k -> open(feed));
    }

    private static HikariDataSource open(FrontDbFeed feed) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("frontdb-" + feed.department());
        config.setJdbcUrl(feed.url());
        config.setUsername(feed.username());
        config.setPassword(feed.password());
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(5_000);
        config.setValidationTimeout(3_000);
        config.setIdleTimeout(60_000);
        config.setMaxLifetime(600_000);
        // a pool that cannot connect now still starts: the poll fails and backs off, the hub comes up
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    @Override
    public void destroy() {
        pools.values().forEach(HikariDataSource::close);
        pools.clear();
    }
}
