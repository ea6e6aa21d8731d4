package com.wedsync.calsync;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CalSyncApplication {

	public static void main(String[] args) {
		SpringApplication.run(CalSyncApplication.class, args);
	}

}
