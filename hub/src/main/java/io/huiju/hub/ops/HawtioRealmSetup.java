package io.huiju.hub.ops;

import java.util.Map;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Installs the JAAS realm {@code hawtio} before the web server starts, because Hawtio's authentication filter reads the
 * JAAS configuration when it initialises. Other realms are left to whatever configuration was there before.
 */
public class HawtioRealmSetup implements EnvironmentPostProcessor {

    static final String REALM = "hawtio";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Configuration previous = previous();
        if (previous instanceof HubRealms) {
            return;
        }
        Configuration.setConfiguration(new HubRealms(previous));
    }

    private static Configuration previous() {
        try {
            return Configuration.getConfiguration();
        } catch (SecurityException e) {
            return null; // no JAAS file configured: the usual case
        }
    }

    private static final class HubRealms extends Configuration {
        private final Configuration previous;

        HubRealms(Configuration previous) {
            this.previous = previous;
        }

        @Override
        public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
            if (REALM.equals(name)) {
                return new AppConfigurationEntry[] {
                    new AppConfigurationEntry(
                            OperatorLoginModule.class.getName(), LoginModuleControlFlag.REQUIRED, Map.of())
                };
            }
            return previous == null ? null : previous.getAppConfigurationEntry(name);
        }
    }
}
