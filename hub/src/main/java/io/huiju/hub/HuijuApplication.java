package io.huiju.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class HuijuApplication {

    public static void main(String[] args) {
        SpringApplication.run(HuijuApplication.class, args);
    }
}
